package org.vigil.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.alarm.SafeRanges;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.FlowControl;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.domain.Vital;
import org.vigil.yaml.KeyPaths;
import org.vigil.yaml.Problems;
import org.vigil.yaml.YamlNode;

/** Reads one {@code chairs[i].devices[j]} entry. */
final class DeviceReader {

    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]*";

    private static final List<String> KEYS = List.of("id", "label", "protocol", "port", "listen", "bed", "serial", "silence_timeout",
            "vitals", "nibp_interval", "same_arm_as", "raw_capture");
    private static final List<String> SERIAL_KEYS = List.of("baud", "data_bits", "parity", "stop_bits", "flow_control");
    private static final Duration DEFAULT_SILENCE = Duration.ofSeconds(10);
    private static final Duration DEFAULT_NIBP_INTERVAL = Duration.ofMinutes(5);

    /**
     * A device as read, with what the cross-checks need even when it is incomplete.
     * {@code config} is null when any of its own keys had a problem.
     */
    record Draft(Fields fields, String id, Endpoint endpoint, Set<Vital> vitals, String sameArmAs,
            DeviceConfig config) {
    }

    private final Problems problems;
    private final Path baseDir;
    private final ProtocolRegistry protocols;

    /**
     * @param baseDir   folder relative scenario paths are resolved against
     * @param protocols the protocols a device may speak
     */
    DeviceReader(Problems problems, Path baseDir, ProtocolRegistry protocols) {
        this.problems = problems;
        this.baseDir = baseDir;
        this.protocols = protocols;
    }

    Draft read(YamlNode node, String path) {
        Fields f = new Fields(node, path, problems, KEYS);
        if (!f.isMap()) {
            return new Draft(f, null, null, null, null, null);
        }
        boolean ok = true;
        String id = id(f, "id");
        String label = f.string("label", false);
        ProtocolDriver protocol = protocol(f);
        Endpoint endpoint = endpoint(f);
        SerialSettings serial = protocol == null ? null : serial(f, protocol);
        Duration silence = f.has("silence_timeout")
                ? safe(f, "silence_timeout", f.duration("silence_timeout", true), SafeRanges::silenceTimeout)
                : DEFAULT_SILENCE;
        Set<Vital> vitals = protocol == null ? null : vitals(f, protocol);
        boolean nibp = vitals != null && vitals.stream().anyMatch(Vital::isNibp);
        Duration nibpInterval = null;
        if (f.has("nibp_interval")) {
            nibpInterval = safe(f, "nibp_interval", f.duration("nibp_interval", true), SafeRanges::nibpInterval);
            if (vitals != null && !nibp) {
                f.problem("nibp_interval", "the device reports no nibp, so it has no nibp interval");
                ok = false;
            }
        } else if (nibp) {
            nibpInterval = DEFAULT_NIBP_INTERVAL;
        }
        String sameArm = f.has("same_arm_as") ? id(f, "same_arm_as") : null;
        Boolean raw = f.has("raw_capture") ? f.bool("raw_capture") : Boolean.FALSE;
        ok &= id != null && (label != null || !f.has("label")) && protocol != null && endpoint != null
                && serial != null && silence != null && vitals != null && (nibpInterval != null || !nibp)
                && (sameArm != null || !f.has("same_arm_as")) && raw != null;
        DeviceConfig config = null;
        if (ok) {
            config = new DeviceConfig(id, label == null ? protocol.defaultLabel() : label, protocol, endpoint,
                    serial, silence, nibp ? nibpInterval : null, sameArm, vitals, raw);
        }
        return new Draft(f, id, endpoint, vitals, sameArm, config);
    }

    /** A chair or device id: letters, digits, '-' and '_' (ids appear inside alarm ids). */
    static String id(Fields f, String key) {
        String id = f.string(key, true);
        if (id != null && !id.matches(ID_PATTERN)) {
            f.problem(key, "bad id '" + id + "' (letters, digits, '-' and '_' only)");
            return null;
        }
        return id;
    }

    private ProtocolDriver protocol(Fields f) {
        String t = f.string("protocol", true);
        if (t == null) {
            return null;
        }
        try {
            return protocols.require(t);
        } catch (IllegalArgumentException e) {
            f.problem("protocol", e.getMessage());
            return null;
        }
    }

    private Endpoint endpoint(Fields f) {
        if (f.has("listen") || f.has("bed")) {
            return listen(f);
        }
        String t = f.string("port", true);
        if (t == null) {
            return null;
        }
        Endpoint e;
        try {
            e = Endpoint.parse(t);
        } catch (IllegalArgumentException ex) {
            f.problem("port", ex.getMessage());
            return null;
        }
        if (e instanceof SimulatedEndpoint s && s.scenario() != null) {
            Path p;
            try {
                p = baseDir.resolve(s.scenario()).normalize();
            } catch (InvalidPathException ex) {
                f.problem("port", "bad scenario path '" + s.scenario() + "'");
                return null;
            }
            if (!Files.isRegularFile(p)) {
                f.problem("port", "scenario file not found: " + p);
                return null;
            }
            return new SimulatedEndpoint(p.toString());
        }
        return e;
    }

    /** {@code listen: PORT} with {@code bed: NAME}: a device that connects to the station (HL7 over MLLP). */
    private static Endpoint listen(Fields f) {
        if (f.has("port")) {
            f.problem("port", "a device set with listen/bed connects to the station: leave port out");
            return null;
        }
        Integer port = f.integer("listen");
        String bed = f.string("bed", true);
        if (port == null && !f.has("listen")) {
            f.problem("bed", "bed needs listen: PORT (the TCP port the monitor pushes to, e.g. 2575)");
            return null;
        }
        if (port != null && (port < 1 || port > 65535)) {
            f.problem("listen", "must be a TCP port 1-65535, got " + port);
            return null;
        }
        if (bed != null && bed.matches(".*[|^~\\\\&].*")) {
            f.problem("bed", "bad bed '" + bed + "' (no | ^ ~ \\ &: write the bed as in PV1-3, e.g. B-01)");
            return null;
        }
        return port == null || bed == null ? null : new ListenEndpoint(port, bed);
    }

    private SerialSettings serial(Fields device, ProtocolDriver protocol) {
        SerialSettings d = protocol.defaultSerial();
        if (!device.has("serial")) {
            return d;
        }
        Fields f = new Fields(device.node("serial"), device.path("serial"), problems, SERIAL_KEYS);
        if (!f.isMap()) {
            return null;
        }
        boolean ok = true;
        int baud = d.baud();
        if (f.has("baud")) {
            Integer b = f.integer("baud");
            if (b != null && b <= 0) {
                f.problem("baud", "must be a positive number of bits per second, got " + b);
            }
            ok &= b != null && b > 0;
            baud = b == null ? baud : b;
        }
        int dataBits = d.dataBits();
        if (f.has("data_bits")) {
            Integer b = f.integer("data_bits");
            if (b != null && (b < 5 || b > 8)) {
                f.problem("data_bits", "must be 5, 6, 7 or 8, got " + b);
            }
            ok &= b != null && b >= 5 && b <= 8;
            dataBits = b == null ? dataBits : b;
        }
        char parity = d.parity();
        if (f.has("parity")) {
            String p = f.string("parity", false);
            boolean good = p != null && p.length() == 1 && "NEOneo".indexOf(p.charAt(0)) >= 0;
            if (p != null && !good) {
                f.problem("parity", "bad parity '" + p + "' (expected N, E or O)");
            }
            ok &= good;
            parity = good ? Character.toUpperCase(p.charAt(0)) : parity;
        }
        int stopBits = d.stopBits();
        if (f.has("stop_bits")) {
            Integer b = f.integer("stop_bits");
            if (b != null && b != 1 && b != 2) {
                f.problem("stop_bits", "must be 1 or 2, got " + b);
            }
            ok &= b != null && (b == 1 || b == 2);
            stopBits = b == null ? stopBits : b;
        }
        FlowControl flow = d.flowControl();
        if (f.has("flow_control")) {
            String t = f.string("flow_control", false);
            FlowControl parsed = t == null ? null : switch (t.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "none" -> FlowControl.NONE;
                case "rts_cts", "rts/cts" -> FlowControl.RTS_CTS;
                default -> null;
            };
            if (t != null && parsed == null) {
                f.problem("flow_control", "bad flow control '" + t + "' (expected none or rts_cts)");
            }
            ok &= parsed != null;
            flow = parsed == null ? flow : parsed;
        }
        return ok ? new SerialSettings(baud, dataBits, parity, stopBits, flow) : null;
    }

    private Set<Vital> vitals(Fields f, ProtocolDriver protocol) {
        Set<Vital> supported = protocol.vitals();
        if (!f.has("vitals")) {
            return supported;
        }
        YamlNode n = f.node("vitals");
        if (!(n instanceof YamlNode.Sequence list)) {
            f.problem("vitals", "expected a list like [spo2, pr], got " + Fields.describe(n));
            return null;
        }
        if (list.items().isEmpty()) {
            f.problem("vitals", "empty list (leave the key out for the protocol's default)");
            return null;
        }
        Set<Vital> out = EnumSet.noneOf(Vital.class);
        boolean ok = true;
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String itemPath = KeyPaths.index(f.path("vitals"), i);
            String key = item instanceof YamlNode.Scalar s ? s.text() : null;
            Set<Vital> vs = key == null ? Set.of() : parseVital(key);
            if (vs.isEmpty()) {
                problems.add(item.line(), itemPath, "unknown vital " + Fields.describe(item) + " (expected one of "
                        + keys(EnumSet.allOf(Vital.class)) + ", nibp)");
                ok = false;
                continue;
            }
            for (Vital v : vs) {
                if (!supported.contains(v)) {
                    problems.add(item.line(), itemPath, "protocol " + protocol.key() + " does not report "
                            + v.key() + " (it reports " + keys(supported) + ")");
                    ok = false;
                } else if (!out.add(v)) {
                    problems.add(item.line(), itemPath, v.key() + " is listed twice");
                    ok = false;
                }
            }
        }
        return ok ? out : null;
    }

    /** A vital key, or {@code nibp} for the three NIBP components. */
    private static Set<Vital> parseVital(String key) {
        if (key.trim().equalsIgnoreCase("nibp")) {
            return EnumSet.of(Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN);
        }
        return Vital.fromKey(key).map(EnumSet::of).orElse(EnumSet.noneOf(Vital.class));
    }

    static String keys(Set<Vital> vitals) {
        return vitals.stream().map(Vital::key).collect(Collectors.joining(", "));
    }

    /** {@code d}, or null after reporting it at {@code key} when outside its safe range. */
    private static Duration safe(Fields f, String key, Duration d,
            java.util.function.Function<Duration, java.util.Optional<String>> check) {
        if (d == null) {
            return null;
        }
        java.util.Optional<String> why = check.apply(d);
        if (why.isPresent()) {
            f.problem(key, why.get());
            return null;
        }
        return d;
    }
}
