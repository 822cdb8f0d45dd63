package org.vigil.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.vigil.yaml.Problems;
import org.vigil.yaml.YamlNode;
import org.vigil.yaml.YamlText;
import org.vigil.yaml.YamlTree;

/**
 * Adds a device to a chair in {@code station.yaml} for the device setup screen, as one line
 * ({@code - { id: ox2, protocol: nonin, port: "/dev/ttyUSB0" }}) after the chair's last device,
 * so the rest of the file (comments, order, other chairs) stays as the admin wrote it. The new
 * text must load ({@code loader}) before it replaces the file: a change the station would refuse
 * is refused here with the loader's file:line reason, and the file is left untouched. The old
 * file is kept as {@code station.yaml.bak}; the new one is written beside it and moved in place.
 */
public final class StationYamlEditor {

    private final ConfigLoader loader;

    public StationYamlEditor(ConfigLoader loader) {
        this.loader = Objects.requireNonNull(loader);
    }

    /** Why a change was refused, in words for the screen. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** Adds the device and returns the configuration as it now loads. */
    public StationConfig addDevice(Path file, String chairId, String deviceId, String protocol, String port)
            throws IOException, Refused {
        for (String[] v : new String[][] {{"device id", deviceId}, {"protocol", protocol}}) {
            if (v[1] == null || !v[1].matches("[A-Za-z0-9_-]{1,40}")) {
                throw new Refused("the " + v[0] + " must be letters, digits, '-' or '_': '" + v[1] + "'");
            }
        }
        if (port == null || port.isBlank() || port.contains("\"") || port.contains("\\") || port.contains("\n")) {
            throw new Refused("not a port name: '" + port + "'");
        }
        String name = file.getFileName().toString();
        Problems problems = new Problems(name);
        String text = YamlText.read(file, problems);
        YamlNode root = new YamlTree(problems, StationWording.INSTANCE, StationWording.EMPTY_VALUE).read(new StringReader(text));
        if (!problems.isEmpty()) {
            throw new Refused(String.join("; ", problems.lines()));
        }
        YamlNode.Mapping chair = chair(root, chairId);
        YamlNode.Entry devices = chair.entry("devices");
        if (devices == null || !(devices.value() instanceof YamlNode.Sequence items) || items.items().isEmpty()) {
            throw new Refused("chair '" + chairId + "' has no list of devices to add to");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int keyLine = devices.line() - 1;
        int keyIndent = indent(lines.get(keyLine));
        int firstItem = items.items().get(0).line() - 1;
        if (firstItem == keyLine) {
            throw new Refused("chair '" + chairId + "' lists its devices on one line: add the device by hand");
        }
        int itemIndent = indent(lines.get(firstItem));
        int insertAt = keyLine + 1;
        for (int i = keyLine + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.strip().startsWith("#")) {
                continue;
            }
            if (indent(l) <= keyIndent && !(indent(l) == keyIndent && l.strip().startsWith("-") && itemIndent == keyIndent)) {
                break;
            }
            insertAt = i + 1;
        }
        String entry = " ".repeat(itemIndent) + "- { id: " + deviceId + ", protocol: " + protocol + ", port: \"" + port + "\" }";
        lines.add(insertAt, entry);
        String updated = String.join("\n", lines);
        Path dir = file.toAbsolutePath().getParent();
        Path candidate = dir.resolve(name + ".new");
        Files.writeString(candidate, updated, StandardCharsets.UTF_8);
        StationConfig loaded;
        try {
            loaded = loader.load(candidate);
        } catch (ConfigException e) {
            Files.deleteIfExists(candidate);
            throw new Refused(String.join("; ", e.problems()).replace(name + ".new", name));
        }
        Files.copy(file, dir.resolve(name + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.move(candidate, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(candidate, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return loaded;
    }

    private static YamlNode.Mapping chair(YamlNode root, String chairId) throws Refused {
        if (root instanceof YamlNode.Mapping top && top.get("chairs") instanceof YamlNode.Sequence chairs) {
            for (YamlNode c : chairs.items()) {
                if (c instanceof YamlNode.Mapping m && m.get("id") instanceof YamlNode.Scalar id && chairId.equals(id.text())) {
                    return m;
                }
            }
        }
        throw new Refused("no chair '" + chairId + "' in the configuration");
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
