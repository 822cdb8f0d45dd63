package org.vigil.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vigil.config.ConfigException;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationConfig;

/** A station.yaml with one chair ({@code chair-1}, data in {@code data/}) for tests that start a real Station. */
final class OneChairConfig {

    private OneChairConfig() {
    }

    /**
     * Writes {@code dir/station.yaml} with the given device lines (each already indented as an
     * item of {@code devices:}, e.g. {@code "      - { id: ox, protocol: masimo, port: simulated }"}),
     * and loads it.
     */
    static StationConfig write(Path dir, String deviceLines) throws IOException, ConfigException {
        return ConfigLoader.forCurrentUser().load(file(dir, deviceLines));
    }

    /** As {@link #write}, for tests that hand the file to a command: its path. */
    static Path file(Path dir, String deviceLines) throws IOException {
        Path config = dir.resolve("station.yaml");
        Files.writeString(config, """
                station:
                  data_dir: data
                chairs:
                  - id: chair-1
                    label: Chair 1
                    devices:
                """ + deviceLines);
        return config;
    }
}
