package org.vigil.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.vigil.alarm.AlarmConfig;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.domain.Vital;
import org.vigil.yaml.Problems;
import org.vigil.yaml.YamlNode;
import org.vigil.yaml.YamlText;
import org.vigil.yaml.YamlTree;

/**
 * Reads the station configuration file ({@code station.yaml}, format in {@code config/README.md})
 * and finds which one applies. Every problem in a file is reported at once in a
 * {@link ConfigException}, one line each, as {@code file:line: key: reason}.
 */
public final class ConfigLoader {

    /** The file name looked for in {@code ./config} and in the user configuration folder. */
    public static final String FILE_NAME = "station.yaml";

    private static final List<String> ROOT_KEYS = List.of("station", "chairs", "alarms", "session", "interface_engine");
    private static final List<String> STATION_KEYS = List.of("data_dir", "database", "admin_pin", "auto_lock");

    private final UserEnvironment env;
    private final ProtocolRegistry protocols;

    /** A loader that knows the protocols of {@link ProtocolRegistry#standard()}. */
    public ConfigLoader(UserEnvironment env) {
        this(env, ProtocolRegistry.standard());
    }

    /** A loader that accepts the protocols of {@code protocols}. */
    public ConfigLoader(UserEnvironment env, ProtocolRegistry protocols) {
        this.env = Objects.requireNonNull(env, "env");
        this.protocols = Objects.requireNonNull(protocols, "protocols");
    }

    /** A loader for the running user (working folder, home, OS and environment of this JVM). */
    public static ConfigLoader forCurrentUser() {
        return new ConfigLoader(UserEnvironment.current());
    }

    /**
     * Picks the configuration: {@code explicitOrNull} if given (it must exist), else
     * {@code <working dir>/config/station.yaml} if it exists, else
     * {@code <user config dir>/station.yaml} if it exists, else {@link #defaults()}.
     */
    public ResolvedConfig resolve(Path explicitOrNull) throws ConfigException {
        if (explicitOrNull != null) {
            return new ResolvedConfig(load(env.workingDir().resolve(explicitOrNull)), ConfigOrigin.EXPLICIT);
        }
        Path local = env.workingDir().resolve("config").resolve(FILE_NAME);
        if (Files.isRegularFile(local)) {
            return new ResolvedConfig(load(local), ConfigOrigin.WORKING_DIR);
        }
        Path user = env.configDir().resolve(FILE_NAME);
        if (Files.isRegularFile(user)) {
            return new ResolvedConfig(load(user), ConfigOrigin.USER_CONFIG);
        }
        return new ResolvedConfig(defaults(), ConfigOrigin.BUILT_IN);
    }

    /**
     * The built-in configuration used when there is no file: the per-user data folder, alarm
     * defaults, and one chair {@code chair-1} with a simulated Masimo oximeter {@code ox} and a
     * simulated Ivy monitor {@code mon}.
     */
    public StationConfig defaults() {
        Path dataDir = env.dataDir();
        ProtocolDriver masimo = protocols.require("masimo");
        ProtocolDriver ivy = protocols.require("ivy");
        DeviceConfig ox = new DeviceConfig("ox", "SpO2 device", masimo, new SimulatedEndpoint(null),
                masimo.defaultSerial(), Duration.ofSeconds(10), null, null,
                java.util.EnumSet.of(Vital.SPO2, Vital.PR, Vital.PI));
        DeviceConfig mon = new DeviceConfig("mon", "Bedside monitor", ivy, new SimulatedEndpoint(null),
                ivy.defaultSerial(), Duration.ofSeconds(10), Duration.ofMinutes(5), null,
                java.util.EnumSet.of(Vital.HR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN, Vital.RR));
        ChairConfig chair = new ChairConfig("chair-1", "Chair 1", List.of(ox, mon));
        return new StationConfig(dataDir, dataDir.resolve(StationConfig.DEFAULT_DATABASE_NAME), List.of(chair),
                AlarmConfig.defaults(), ClinicBounds.defaults(), null);
    }

    /**
     * Reads {@code file}. Relative paths inside it (data folder, database, scenario files) are
     * resolved against the file's folder; {@code ~} is the user's home.
     */
    public StationConfig load(Path file) throws ConfigException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Problems problems = new Problems(name);
        YamlNode root;
        try {
            String text = YamlText.read(file, problems);
            problems.throwIfAny(p -> new ConfigException(file, p.lines()));
            root = new YamlTree(problems, StationWording.INSTANCE, StationWording.EMPTY_VALUE).read(new StringReader(text));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, name + ": file not found (" + file.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new ConfigException(file, name + ": cannot read: " + e.getMessage(), e);
        }
        problems.throwIfAny(p -> new ConfigException(file, p.lines()));
        Path absolute = file.toAbsolutePath().normalize();
        Path baseDir = absolute.getParent();

        Fields top = new Fields(root, "", problems, ROOT_KEYS);
        Path dataDir = env.dataDir();
        Path database = null;
        AdminPin adminPin = null;
        java.time.Duration autoLock = null;
        if (top.has("station")) {
            Fields st = new Fields(top.node("station"), "station", problems, STATION_KEYS);
            dataDir = orDefault(path(st, "data_dir", baseDir), dataDir);
            database = path(st, "database", baseDir);
            adminPin = adminPin(st);
            autoLock = st.duration("auto_lock", true);
            if (autoLock != null && (autoLock.compareTo(java.time.Duration.ofSeconds(30)) < 0
                    || autoLock.compareTo(java.time.Duration.ofHours(1)) > 0)) {
                st.problem("auto_lock", "must be between 30s and 60m");
            }
        }
        List<ChairConfig> chairs = top.isMap() ? new ChairsReader(problems, baseDir, protocols).read(top) : List.of();
        AlarmsReader.Result alarms = new AlarmsReader(problems).read(top);
        org.vigil.session.SessionRules sessionRules = top.isMap() ? new SessionRulesReader(problems).read(top)
                : org.vigil.session.SessionRules.DEFAULTS;
        InterfaceEngineConfig engine = top.isMap() ? InterfaceEngineConfig.read(top, problems) : null;
        problems.throwIfAny(p -> new ConfigException(file, p.lines()));
        return new StationConfig(dataDir, orDefault(database, dataDir.resolve(StationConfig.DEFAULT_DATABASE_NAME)),
                chairs, alarms.alarms(), alarms.bounds(), absolute, adminPin, sessionRules, autoLock, engine);
    }

    private static AdminPin adminPin(Fields st) {
        String t = st.string("admin_pin", false);
        if (t == null) {
            return null;
        }
        try {
            return AdminPin.of(t);
        } catch (IllegalArgumentException e) {
            st.problem("admin_pin", e.getMessage());
            return null;
        }
    }

    private Path path(Fields f, String key, Path baseDir) {
        String t = f.string(key, false);
        if (t == null) {
            return null;
        }
        try {
            Path p;
            if (t.equals("~")) {
                p = env.home();
            } else if (t.startsWith("~/") || t.startsWith("~\\")) {
                p = env.home().resolve(t.substring(2));
            } else {
                p = baseDir.resolve(t);
            }
            return p.normalize();
        } catch (InvalidPathException e) {
            f.problem(key, "bad path '" + t + "'");
            return null;
        }
    }

    private static <T> T orDefault(T v, T d) {
        return v == null ? d : v;
    }
}
