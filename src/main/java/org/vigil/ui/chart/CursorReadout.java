package org.vigil.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the chart shows at the cursor's time: each track's nearest sample (if one lies within
 * the track's gap limit of the cursor), the phase, the alarms active then and the latest cuff
 * reading at or before it. Built by {@link #at} with binary searches only.
 */
public record CursorReadout(long time, List<Value> values, Optional<String> phase, List<AlarmBand> alarms,
        Optional<CuffReading> lastCuff) {

    /** A track's value at the cursor: the sample's own time and value. */
    public record Value(String trackId, String label, String unit, long sampleTime, double value) {
    }

    public CursorReadout {
        values = List.copyOf(values);
        alarms = List.copyOf(alarms);
    }

    /** The value of track {@code trackId}, if it had one near the cursor. */
    public Optional<Value> value(String trackId) {
        return values.stream().filter(v -> v.trackId().equals(trackId)).findFirst();
    }

    /**
     * The read-out at {@code t}. A track's nearest sample counts when it is within its
     * {@link Track#maxGapMillis()} of {@code t} (within 1 s when that is 0) and is not a gap.
     * {@code cuffs} must be in time order.
     */
    public static CursorReadout at(long t, List<Lane> lanes, Map<String, TimeSeries> data, List<PhaseBand> phases,
            List<AlarmBand> alarms, List<CuffReading> cuffs) {
        List<Value> values = new ArrayList<>();
        for (Lane lane : lanes) {
            for (Track track : lane.tracks()) {
                TimeSeries s = data.get(track.id());
                if (s == null || s.isEmpty()) {
                    continue;
                }
                int i = s.nearest(t);
                long tolerance = track.maxGapMillis() > 0 ? track.maxGapMillis() : 1_000;
                if (i >= 0 && Math.abs(s.time(i) - t) <= tolerance && !Double.isNaN(s.value(i))) {
                    values.add(new Value(track.id(), track.label(), track.unit(), s.time(i), s.value(i)));
                }
            }
        }
        Optional<String> phase = Optional.empty();
        for (PhaseBand p : phases) {
            if (p.contains(t)) {
                phase = Optional.of(p.label());
            }
        }
        List<AlarmBand> active = new ArrayList<>();
        for (AlarmBand a : alarms) {
            if (a.contains(t)) {
                active.add(a);
            }
        }
        int lo = 0;
        int hi = cuffs.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cuffs.get(mid).time() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return new CursorReadout(t, values, phase, active,
                found < 0 ? Optional.empty() : Optional.of(cuffs.get(found)));
    }
}
