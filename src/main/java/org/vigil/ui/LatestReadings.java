package org.vigil.ui;

import java.util.EnumMap;
import java.util.Map;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/** The newest reading of each vital, and the newest one that carried a value. FX thread only. */
final class LatestReadings {

    private final Map<Vital, Reading> latest = new EnumMap<>(Vital.class);
    private final Map<Vital, Reading> latestWithValue = new EnumMap<>(Vital.class);

    /** Keeps {@code r} when it is not older than what is held. */
    void accept(Reading r) {
        Reading old = latest.get(r.vital());
        if (old == null || !r.time().isBefore(old.time())) {
            latest.put(r.vital(), r);
        }
        if (r.hasValue()) {
            Reading oldValue = latestWithValue.get(r.vital());
            if (oldValue == null || !r.time().isBefore(oldValue.time())) {
                latestWithValue.put(r.vital(), r);
            }
        }
    }

    /** The newest reading of {@code v}, or null. */
    Reading latest(Vital v) {
        return latest.get(v);
    }

    /** The newest reading of {@code v} that had a value, or null. */
    Reading latestWithValue(Vital v) {
        return latestWithValue.get(v);
    }
}
