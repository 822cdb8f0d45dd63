package org.vigil.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the station core ({@code vigil}, {@code record}). */
final class StationOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Station configuration (YAML). Default: ./config/station.yaml, then the user's"
                    + " config folder, else built-in simulated devices.")
    Path config;

    @Option(names = "--db", paramLabel = "FILE",
            description = "SQLite database to record into (default: vigil.db in the per-user data folder"
                    + " or the one the configuration names).")
    Path database;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Per-user data folder override.")
    Path dataDir;
}
