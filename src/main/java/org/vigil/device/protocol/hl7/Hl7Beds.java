package org.vigil.device.protocol.hl7;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The beds one listening port serves: a configured bed name ({@code bed: B-01}) and where the
 * messages for it go. Thread-safe: connections look beds up while chairs register and leave.
 */
public final class Hl7Beds {

    private final Map<String, Consumer<byte[]>> sinks = new ConcurrentHashMap<>();

    /** Creates an empty set of beds. */
    public Hl7Beds() {
        // no bed yet
    }

    /**
     * Routes the messages for {@code bed} to {@code sink} (each an MLLP-framed message, called on
     * the connection's thread).
     *
     * @return false when another sink already has this bed (compared ignoring case)
     */
    public boolean register(String bed, Consumer<byte[]> sink) {
        return sinks.putIfAbsent(key(bed), sink) == null;
    }

    /** Stops routing to {@code sink}; a bed registered by another sink stays. */
    public void unregister(String bed, Consumer<byte[]> sink) {
        sinks.remove(key(bed), sink);
    }

    /** True when no bed is registered. */
    public boolean isEmpty() {
        return sinks.isEmpty();
    }

    /** Where a message from {@code location} goes: the first registered bed that {@link Hl7Location#matches} it. */
    Optional<Consumer<byte[]>> find(Hl7Location location) {
        for (Map.Entry<String, Consumer<byte[]>> e : sinks.entrySet()) {
            if (location.matches(e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private static String key(String bed) {
        return bed.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
