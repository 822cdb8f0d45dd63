package org.vigil.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.vigil.device.ProtocolRegistry;
import java.util.Map;
import org.vigil.domain.Vital;
import org.vigil.yaml.KeyPaths;
import org.vigil.yaml.Problems;
import org.vigil.yaml.YamlNode;

/**
 * Reads the {@code chairs} list and checks what spans devices: unique chair ids, unique device
 * ids in a chair, no serial port (or TCP address) used twice, {@code same_arm_as} naming an NIBP
 * device of the same chair.
 */
final class ChairsReader {

    private static final List<String> KEYS = List.of("id", "label", "devices");

    private final Problems problems;
    private final DeviceReader devices;

    ChairsReader(Problems problems, Path baseDir, ProtocolRegistry protocols) {
        this.problems = problems;
        this.devices = new DeviceReader(problems, baseDir, protocols);
    }

    /** The chairs, complete only when no problem was added. */
    List<ChairConfig> read(Fields root) {
        if (!root.require("chairs")) {
            return List.of();
        }
        YamlNode n = root.node("chairs");
        if (!(n instanceof YamlNode.Sequence list)) {
            root.problem("chairs", "expected a list of chairs, got " + Fields.describe(n));
            return List.of();
        }
        if (list.items().isEmpty()) {
            root.problem("chairs", "no chairs (at least one is required)");
            return List.of();
        }
        List<ChairConfig> out = new ArrayList<>();
        Map<String, String> chairIds = new HashMap<>();
        Map<String, String> ports = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = KeyPaths.index("chairs", i);
            Fields f = new Fields(list.items().get(i), path, problems, KEYS);
            if (!f.isMap()) {
                continue;
            }
            String id = DeviceReader.id(f, "id");
            if (id != null) {
                String first = chairIds.putIfAbsent(id, path);
                if (first != null) {
                    f.problem("id", "chair id '" + id + "' is already used by " + first);
                }
            }
            String label = f.string("label", false);
            List<DeviceReader.Draft> drafts = readDevices(f, ports);
            if (id != null && drafts.stream().allMatch(d -> d.config() != null) && !drafts.isEmpty()) {
                out.add(new ChairConfig(id, label == null ? id : label,
                        drafts.stream().map(DeviceReader.Draft::config).toList()));
            }
        }
        return out;
    }

    private List<DeviceReader.Draft> readDevices(Fields chair, Map<String, String> ports) {
        if (!chair.require("devices")) {
            return List.of();
        }
        YamlNode n = chair.node("devices");
        if (!(n instanceof YamlNode.Sequence list)) {
            chair.problem("devices", "expected a list of devices, got " + Fields.describe(n));
            return List.of();
        }
        if (list.items().isEmpty()) {
            chair.problem("devices", "no devices (at least one is required)");
            return List.of();
        }
        List<DeviceReader.Draft> drafts = new ArrayList<>();
        Map<String, DeviceReader.Draft> byId = new HashMap<>();
        for (int j = 0; j < list.items().size(); j++) {
            String path = KeyPaths.index(chair.path("devices"), j);
            DeviceReader.Draft d = devices.read(list.items().get(j), path);
            drafts.add(d);
            if (d.id() != null) {
                DeviceReader.Draft first = byId.putIfAbsent(d.id(), d);
                if (first != null) {
                    d.fields().problem("id", "device id '" + d.id() + "' is already used by " + first.fields().path());
                }
            }
            String identity = portIdentity(d.endpoint());
            if (identity != null) {
                String first = ports.putIfAbsent(identity, d.fields().path());
                if (first != null) {
                    d.fields().problem("port", "port " + d.endpoint().describe() + " is already used by " + first);
                }
            }
        }
        for (DeviceReader.Draft d : drafts) {
            checkSameArm(d, byId);
        }
        return drafts;
    }

    private static String portIdentity(Endpoint e) {
        if (e instanceof SerialPortEndpoint s) {
            return "serial:" + s.identity();
        }
        if (e instanceof TcpEndpoint t) {
            return "tcp:" + t.describe().toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    private static void checkSameArm(DeviceReader.Draft d, Map<String, DeviceReader.Draft> byId) {
        String target = d.sameArmAs();
        if (target == null) {
            return;
        }
        Fields f = d.fields();
        DeviceReader.Draft other = byId.get(target);
        if (target.equals(d.id())) {
            f.problem("same_arm_as", "a device cannot be on the same arm as itself");
        } else if (other == null) {
            f.problem("same_arm_as", "unknown device '" + target + "' (devices on this chair: "
                    + String.join(", ", byId.keySet().stream().sorted().toList()) + ")");
        } else if (other.vitals() != null && other.vitals().stream().noneMatch(Vital::isNibp)) {
            f.problem("same_arm_as", "device '" + target + "' reports no nibp (same_arm_as names the device"
                    + " whose cuff is on this arm)");
        } else if (d.vitals() != null && !d.vitals().contains(Vital.SPO2)) {
            f.problem("same_arm_as", "only a device that reports spo2 can share an arm with a cuff");
        }
    }
}
