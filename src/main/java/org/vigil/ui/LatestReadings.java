package org.vigil.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * The newest reading of each vital from each device, and the newest one that carried a value.
 * Two devices may report the same vital (a monitor without an SpO2 sensor sends "no SpO2" every
 * second next to the oximeter's value): {@link #best} picks what the screen shows so that a
 * device without the measurement never masks one with it. FX thread only.
 */
final class LatestReadings {

    private final Map<Vital, Map<String, Reading>> latest = new EnumMap<>(Vital.class);
    private final Map<Vital, Reading> latestWithValue = new EnumMap<>(Vital.class);

    /** Keeps {@code r} when it is not older than what is held for its vital and device. */
    void accept(Reading r) {
        Map<String, Reading> byDevice = latest.computeIfAbsent(r.vital(), v -> new HashMap<>());
        Reading old = byDevice.get(r.deviceId());
        if (old == null || !r.time().isBefore(old.time())) {
            byDevice.put(r.deviceId(), r);
        }
        if (r.hasValue() && !r.flags().contains(ReadingFlag.IMPLAUSIBLE)) {
            Reading oldValue = latestWithValue.get(r.vital());
            if (oldValue == null || !r.time().isBefore(oldValue.time())) {
                latestWithValue.put(r.vital(), r);
            }
        }
    }

    /** The newest reading of {@code v} from any device, or null. */
    Reading latest(Vital v) {
        Reading best = null;
        for (Reading r : latest.getOrDefault(v, Map.of()).values()) {
            if (best == null || r.time().isAfter(best.time())) {
                best = r;
            }
        }
        return best;
    }

    /**
     * What to show for {@code v}: among the devices' readings no older than {@code stale}, a valid
     * one first, then one with a (flagged) value, then one with a flag worth showing (SENSOR OFF),
     * newest first at each step; with no fresh reading, the newest of all (shown as stale); null
     * when {@code v} was never received.
     */
    Reading best(Vital v, Instant now, Duration stale) {
        Reading valid = null;
        Reading valued = null;
        Reading flagged = null;
        Reading any = null;
        for (Reading r : latest.getOrDefault(v, Map.of()).values()) {
            any = newer(any, r);
            if (Duration.between(r.time(), now).compareTo(stale) > 0) {
                continue;
            }
            if (r.isValid()) {
                valid = newer(valid, r);
            } else if (r.hasValue()) {
                valued = newer(valued, r);
            } else if (!r.flags().isEmpty() && !r.flags().equals(Set.of(ReadingFlag.INVALID))) {
                flagged = newer(flagged, r);
            }
        }
        if (valid != null) {
            return valid;
        }
        if (valued != null) {
            return valued;
        }
        return flagged != null ? flagged : any;
    }

    /** The newest reading of {@code v} that had a value, or null. */
    Reading latestWithValue(Vital v) {
        return latestWithValue.get(v);
    }

    private static Reading newer(Reading a, Reading b) {
        return a == null || b.time().isAfter(a.time()) ? b : a;
    }
}
