package org.vigil.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.ges5.S5Driver;
import org.vigil.device.protocol.hl7.Hl7Driver;
import org.vigil.device.protocol.contec.ContecDriver;
import org.vigil.device.protocol.ivy.IvyDriver;
import org.vigil.device.protocol.masimo.MasimoDriver;
import org.vigil.device.protocol.nellcor.NellcorDriver;
import org.vigil.device.protocol.nonin.NoninDriver;
import org.vigil.device.protocol.nonin.NoninFormat;

/**
 * The protocols the station speaks: the one list of {@link ProtocolDriver}s, looked up by key.
 * Configuration, the command line, the benches and the station ask it; nothing else names a
 * protocol. It lives above the vendors' packages so that {@code device.protocol} (the contract)
 * never depends on a vendor. Built once at start-up and passed to whoever needs it.
 */
public final class ProtocolRegistry {

    private final Map<String, ProtocolDriver> byKey;

    /** A registry of exactly {@code drivers}, in that order; keys must be distinct. */
    public ProtocolRegistry(List<? extends ProtocolDriver> drivers) {
        Map<String, ProtocolDriver> m = new LinkedHashMap<>();
        for (ProtocolDriver d : drivers) {
            String key = normalise(Objects.requireNonNull(d.key(), "key"));
            if (m.putIfAbsent(key, d) != null) {
                throw new IllegalArgumentException("two drivers for protocol '" + key + "'");
            }
        }
        this.byKey = java.util.Collections.unmodifiableMap(m);
    }

    /** Every protocol the station ships with: one line per protocol. */
    public static ProtocolRegistry standard() {
        return new ProtocolRegistry(List.of(
                new MasimoDriver(),
                new IvyDriver(),
                new NoninDriver(NoninFormat.DF2), new NoninDriver(NoninFormat.DF7), new NoninDriver(NoninFormat.DF8),
                new NellcorDriver(), new S5Driver(), new org.vigil.device.protocol.intellivue.IntellivueDriver(), new Hl7Driver(), new ContecDriver()));
    }

    /** The driver for {@code key} (case and surrounding blanks ignored), if known. */
    public Optional<ProtocolDriver> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(normalise(key)));
    }

    /**
     * The driver for {@code key}.
     *
     * @throws IllegalArgumentException naming the known keys when there is none
     */
    public ProtocolDriver require(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown protocol '" + key + "' (expected one of " + keyList() + ")"));
    }

    /** The keys in registry order. */
    public List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    /** The keys comma separated, for help and error messages: {@code masimo, ivy}. */
    public String keyList() {
        return String.join(", ", byKey.keySet());
    }

    /** Every driver in registry order. */
    public List<ProtocolDriver> all() {
        return List.copyOf(new ArrayList<>(byKey.values()));
    }

    /** One line per protocol, {@code key  description}, for command-line help. */
    public String describe() {
        return byKey.values().stream().map(d -> String.format(Locale.ROOT, "%-12s %s", d.key(), d.description()))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static String normalise(String key) {
        return key.trim().toLowerCase(Locale.ROOT);
    }
}
