package org.vigil.config;

import org.vigil.session.SessionRules;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vigil.alarm.AlarmConfig;

/**
 * The whole station configuration: where data goes, the chairs and their devices, the alarm
 * settings and how far an admin may move thresholds. Built by {@link ConfigLoader}.
 *
 * @param dataDir  folder for the station's data
 * @param database the SQLite file (by default {@code <dataDir>/vigil.db})
 * @param chairs   at least one chair, ids unique
 * @param alarms   alarm settings: {@link AlarmConfig#defaults()} with the file's overrides
 * @param bounds   threshold ranges an admin may choose from at a chair
 * @param source   the file it was read from, or null for the built-in configuration
 * @param sessionRules the clinic's rules for clinical sessions (dose ranges, start gate, intervals, discharge)
 * @param adminPin the shared admin PIN of an older configuration, null when none: it becomes the first
 *                 admin's quick PIN (hashed) and is then no longer used
 * @param autoLock how long the station window stays unlocked without use ({@code station.auto_lock})
 * @param interfaceEngine where signed sessions are sent (HL7 over MLLP); null when none is configured
 */
public record StationConfig(
        Path dataDir,
        Path database,
        List<ChairConfig> chairs,
        AlarmConfig alarms,
        ClinicBounds bounds,
        Path source,
        AdminPin adminPin,
        SessionRules sessionRules,
        java.time.Duration autoLock, InterfaceEngineConfig interfaceEngine) {

    /** The automatic lock when none is configured. */
    public static final java.time.Duration DEFAULT_AUTO_LOCK = java.time.Duration.ofMinutes(5);

    /** A configuration with the default automatic lock and without an interface engine. */
    public StationConfig(Path dataDir, Path database, List<ChairConfig> chairs, AlarmConfig alarms, ClinicBounds bounds,
            Path source, AdminPin adminPin, SessionRules sessionRules) {
        this(dataDir, database, chairs, alarms, bounds, source, adminPin, sessionRules, DEFAULT_AUTO_LOCK, null);
    }

    /** A configuration with the clinic's default session rules. */
    public StationConfig(Path dataDir, Path database, List<ChairConfig> chairs, AlarmConfig alarms, ClinicBounds bounds,
            Path source, AdminPin adminPin) {
        this(dataDir, database, chairs, alarms, bounds, source, adminPin, SessionRules.DEFAULTS);
    }

    /** The database file name used when none is configured. */
    public static final String DEFAULT_DATABASE_NAME = "vigil.db";

    /** A configuration without an admin PIN. */
    public StationConfig(Path dataDir, Path database, List<ChairConfig> chairs, AlarmConfig alarms, ClinicBounds bounds,
            Path source) {
        this(dataDir, database, chairs, alarms, bounds, source, null);
    }

    public StationConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(bounds, "bounds");
        sessionRules = sessionRules == null ? SessionRules.DEFAULTS : sessionRules;
        autoLock = autoLock == null ? DEFAULT_AUTO_LOCK : autoLock;
        chairs = List.copyOf(chairs);
        if (chairs.isEmpty()) {
            throw new IllegalArgumentException("a station needs at least one chair");
        }
    }

    public Optional<ChairConfig> chair(String chairId) {
        return chairs.stream().filter(c -> c.id().equals(chairId)).findFirst();
    }

    /** True for the built-in configuration (no file). */
    public boolean builtIn() {
        return source == null;
    }

    /** A copy with another database file (command-line override). */
    public StationConfig withDatabase(Path newDatabase) {
        return new StationConfig(dataDir, newDatabase, chairs, alarms, bounds, source, adminPin, sessionRules, autoLock, interfaceEngine);
    }

    /**
     * A copy with another data folder (command-line override). A database that was at its default
     * place ({@code <dataDir>/vigil.db}) moves with it; an explicitly placed one stays.
     */
    public StationConfig withDataDir(Path newDataDir) {
        Path db = database.equals(dataDir.resolve(DEFAULT_DATABASE_NAME))
                ? newDataDir.resolve(DEFAULT_DATABASE_NAME) : database;
        return new StationConfig(newDataDir, db, chairs, alarms, bounds, source, adminPin, sessionRules, autoLock, interfaceEngine);
    }

    /** A copy with other alarm settings (the clinic defaults saved by an admin, read at start). */
    public StationConfig withAlarms(AlarmConfig newAlarms) {
        return new StationConfig(dataDir, database, chairs, newAlarms, bounds, source, adminPin, sessionRules, autoLock, interfaceEngine);
    }

    /** The shared admin PIN of an older configuration, if the file still has one. */
    public Optional<AdminPin> admin() {
        return Optional.ofNullable(adminPin);
    }
}
