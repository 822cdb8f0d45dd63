package org.vigil.config;

import org.vigil.domain.Decimals;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;
import org.vigil.yaml.Problems;
import org.vigil.yaml.YamlNode;
import org.vigil.yaml.YamlText;
import org.vigil.yaml.YamlTree;

/**
 * The clinic's alarm defaults saved by an admin from a chair ({@value #FILE_NAME} in the data
 * folder): the thresholds every chair starts with, read at start on top of the configuration's
 * {@code alarms} section. The file has one key, {@code limits}, in the format of
 * {@code alarms.limits} of {@code station.yaml} (format in {@code config/README.md}); a broken file
 * is refused with every problem as {@code file:line: key: reason}, like the configuration.
 */
public final class ClinicLimitsFile {

    /** The file name in the data folder. */
    public static final String FILE_NAME = "clinic-limits.yaml";

    private static final List<String> ROOT_KEYS = List.of("limits");

    private final Path file;

    public ClinicLimitsFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The clinic limits file of data folder {@code dataDir}. */
    public static ClinicLimitsFile in(Path dataDir) {
        return new ClinicLimitsFile(dataDir.resolve(FILE_NAME));
    }

    /**
     * {@code config} with the clinic limits file of its data folder applied, when there is one.
     *
     * @throws ConfigException when the file exists but cannot be used
     */
    public static StationConfig applyTo(StationConfig config) throws ConfigException {
        ClinicLimitsFile f = in(config.dataDir());
        if (!f.exists()) {
            return config;
        }
        return config.withAlarms(f.read(config.alarms(), config.bounds()));
    }

    public Path path() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * Reads the file onto {@code base}: every setting given replaces the base rule's. Thresholds must
     * be physiologically possible and inside {@code bounds}.
     */
    public AlarmConfig read(AlarmConfig base, ClinicBounds bounds) throws ConfigException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Problems problems = new Problems(name);
        YamlNode root;
        try {
            String text = YamlText.read(file, problems);
            problems.throwIfAny(p -> new ConfigException(file, p.lines()));
            root = new YamlTree(problems, StationWording.INSTANCE, StationWording.EMPTY_VALUE).read(new StringReader(text));
        } catch (IOException e) {
            throw new ConfigException(file, name + ": cannot read: " + e.getMessage(), e);
        }
        problems.throwIfAny(p -> new ConfigException(file, p.lines()));
        Fields top = new Fields(root, "", problems, ROOT_KEYS);
        AlarmsReader reader = new AlarmsReader(problems);
        Map<String, Integer> lines = new HashMap<>();
        List<LimitRule> rules = top.isMap() ? reader.limits(top, base, lines) : base.rules();
        reader.checkThresholds(rules, bounds, lines, "limits");
        AlarmConfig read = new AlarmConfig(rules, base.technicalPriorities(), base.latchingTechnical(), base.audioPause(),
                base.escalateMediumAfter(), base.nibpGrace(), base.pulseRateOnlyWithoutHr());
        reader.checkTierOrder(read, bounds, lines, "limits");
        reader.checkCrossing(read, bounds, lines, "limits");
        problems.throwIfAny(p -> new ConfigException(file, p.lines()));
        return read;
    }

    /**
     * Writes the threshold of every rule of {@code config}, replacing the file atomically (a crash
     * leaves the old file or the new one, never half of one).
     *
     * @param savedBy who saved them and from where, for the file's header comment
     */
    public void write(AlarmConfig config, String savedBy, Instant time) throws IOException {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("# Vigil clinic alarm defaults: the thresholds every chair starts with, read at start\n")
                .append("# on top of the alarms section of station.yaml (same format as alarms.limits there).\n")
                .append("# Saved ").append(time).append(" by ").append(oneLine(savedBy)).append(".\n")
                .append("# Delete this file to go back to the thresholds of the station configuration.\n")
                .append("limits:\n");
        for (LimitRule r : config.rules()) {
            sb.append("  ").append(r.id()).append(": { threshold: ").append(Decimals.format(r.threshold())).append(" }\n");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    Writer w = java.nio.channels.Channels.newWriter(ch, StandardCharsets.UTF_8)) {
                w.write(sb.toString());
                w.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "unknown" : s.replaceAll("[\\r\\n]+", " ");
    }
}
