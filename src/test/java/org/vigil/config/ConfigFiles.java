package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes configuration text to a folder and loads it with a fixed user environment. */
final class ConfigFiles {

    private final Path dir;
    private final ConfigLoader loader;

    ConfigFiles(Path dir) {
        this.dir = dir;
        this.loader = new ConfigLoader(new UserEnvironment(dir, dir.resolve("home"), "Linux", Map.of()));
    }

    ConfigLoader loader() {
        return loader;
    }

    Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, yaml);
        return p;
    }

    StationConfig load(String yaml) throws IOException, ConfigException {
        return loader.load(write("station.yaml", yaml));
    }

    /** The message of the exception loading {@code yaml} throws. */
    String errors(String yaml) throws IOException {
        Path p = write("station.yaml", yaml);
        return assertThrows(ConfigException.class, () -> loader.load(p)).getMessage();
    }
}
