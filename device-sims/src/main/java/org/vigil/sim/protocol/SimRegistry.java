package org.vigil.sim.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vigil.device.protocol.nonin.NoninFormat;

/**
 * The protocols the simulators speak: the one list of {@link SimDriver}s, looked up by key.
 * Scenario files, the replay of recordings and the {@code sim} command ask it.
 */
public final class SimRegistry {

    private final Map<String, SimDriver> byKey;

    /** A registry of exactly {@code drivers}, in that order; keys must be distinct. */
    public SimRegistry(List<? extends SimDriver> drivers) {
        Map<String, SimDriver> m = new LinkedHashMap<>();
        for (SimDriver d : drivers) {
            String key = normalise(Objects.requireNonNull(d.key(), "key"));
            if (m.putIfAbsent(key, d) != null) {
                throw new IllegalArgumentException("two simulator drivers for protocol '" + key + "'");
            }
        }
        this.byKey = Collections.unmodifiableMap(m);
    }

    /** Every protocol the simulators ship with: one line per protocol. */
    public static SimRegistry standard() {
        return new SimRegistry(List.of(
                new MasimoSimDriver(),
                new IvySimDriver(),
                new NoninSimDriver(NoninFormat.DF2), new NoninSimDriver(NoninFormat.DF7), new NoninSimDriver(NoninFormat.DF8),
                new NellcorSimDriver(), new S5SimDriver(), new IntellivueSimDriver(), new Hl7SimDriver(), new ContecSimDriver()));
    }

    /** The driver for {@code key} (case and surrounding blanks ignored), if known. */
    public Optional<SimDriver> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(normalise(key)));
    }

    /**
     * The driver for {@code key}.
     *
     * @throws IllegalArgumentException naming the known keys when there is none
     */
    public SimDriver require(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown protocol '" + key + "' (expected one of " + keyList() + ")"));
    }

    /** A fresh encoder for {@code key}; usable as the encoder factory of a simulation ({@code registry::newEncoder}). */
    public FrameEncoder newEncoder(String key) {
        return require(key).newEncoder();
    }

    /** The keys in registry order. */
    public List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    /** The keys comma separated: {@code masimo, ivy}. */
    public String keyList() {
        return String.join(", ", byKey.keySet());
    }

    /** Every driver in registry order. */
    public List<SimDriver> all() {
        return List.copyOf(byKey.values());
    }

    private static String normalise(String key) {
        return key.trim().toLowerCase(Locale.ROOT);
    }
}
