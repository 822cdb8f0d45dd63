package org.vigil.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Durations;
import org.vigil.chair.SettingsRestore;
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

    @Option(names = "--restore-window", paramLabel = "DURATION",
            description = "After a crash or power loss no longer than this, the audio pause in force comes back"
                    + " (limits, alarms off, baseline and latched alarms come back after any crash). Default: 30s.")
    String restoreWindow;

    /** The start options these flags ask for, with {@code alarmTap}; IllegalArgumentException for a bad window. */
    StartOptions startOptions(BiConsumer<String, AlarmEvent> alarmTap) {
        Duration window = SettingsRestore.DEFAULT_WINDOW;
        if (restoreWindow != null) {
            try {
                window = Durations.parse(restoreWindow);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--restore-window: " + e.getMessage(), e);
            }
        }
        return new StartOptions(window, alarmTap);
    }
}
