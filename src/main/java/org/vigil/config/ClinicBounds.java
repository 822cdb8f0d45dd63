package org.vigil.config;

import org.vigil.domain.Decimals;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vigil.alarm.LimitRule;

/**
 * How far an admin may move each alarm threshold at a chair: per alarm id, the lowest and highest
 * threshold allowed. An alarm id without a range may not be changed at the chair. The defaults
 * keep every threshold of {@code AlarmConfig.defaults()} inside its range; a clinic can set its own
 * under {@code alarms.bounds}.
 *
 * @param ranges by alarm id ({@code spo2.low}), in the vital's unit (mmHg rise for {@code *.rise})
 */
public record ClinicBounds(Map<String, ClinicBounds.Range> ranges) {

    /** An inclusive range of thresholds. */
    public record Range(double min, double max) {
        public Range {
            if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
                throw new IllegalArgumentException("bad range " + min + ".." + max);
            }
        }

        public boolean contains(double v) {
            return v >= min && v <= max;
        }

        @Override
        public String toString() {
            return Decimals.format(min) + ".." + Decimals.format(max);
        }
    }

    public ClinicBounds {
        ranges = Map.copyOf(ranges);
    }

    /** The range for {@code alarmId}, if an admin may change it. */
    public Optional<Range> range(String alarmId) {
        return Optional.ofNullable(ranges.get(alarmId));
    }

    /** True when {@code threshold} is inside the range of {@code alarmId}. */
    public boolean allows(String alarmId, double threshold) {
        Range r = ranges.get(alarmId);
        return r != null && r.contains(threshold);
    }

    /**
     * Why {@code threshold} may not be set for {@code rule} at a chair: outside the safe range
     * ({@link org.vigil.alarm.SafeRanges}),
     * no range (the alarm may only be changed in the configuration) or outside its range. Empty
     * when it may.
     */
    public Optional<String> refusal(LimitRule rule, double threshold) {
        Optional<org.vigil.alarm.SafeRanges.Refusal> unsafe = org.vigil.alarm.SafeRanges.threshold(rule, threshold);
        if (unsafe.isPresent()) {
            return Optional.of(unsafe.get().reason()
                    + (unsafe.get().switchesOff() ? ": untick \"Alarm on\" (admin) to switch the alarm off" : ""));
        }
        Range r = ranges.get(rule.id());
        if (r == null) {
            return Optional.of(rule.id() + " has no clinic bounds: it can only be changed in the station configuration");
        }
        if (!r.contains(threshold)) {
            return Optional.of(Decimals.format(threshold) + " is outside the clinic bounds " + r);
        }
        return Optional.empty();
    }

    /** A copy with one range set. */
    public ClinicBounds with(String alarmId, Range range) {
        Map<String, Range> m = new LinkedHashMap<>(ranges);
        m.put(alarmId, range);
        return new ClinicBounds(m);
    }

    /** Sensible adult ranges around the clinical defaults. */
    public static ClinicBounds defaults() {
        Map<String, Range> m = new LinkedHashMap<>();
        for (String v : new String[] {"hr", "pr"}) {
            m.put(v + ".low", new Range(30, 60));
            m.put(v + ".very_low", new Range(25, 50));
            m.put(v + ".high", new Range(100, 150));
            m.put(v + ".very_high", new Range(110, 180));
        }
        m.put("spo2.low", new Range(85, 95));
        m.put("spo2.desat", new Range(75, 90));
        m.put("nibp_sys.low", new Range(70, 110));
        m.put("nibp_sys.high", new Range(140, 200));
        m.put("nibp_sys.very_high", new Range(160, 220));
        m.put("nibp_dia.low", new Range(35, 65));
        m.put("nibp_dia.high", new Range(80, 110));
        m.put("nibp_dia.very_high", new Range(95, 130));
        m.put("nibp_mean.low", new Range(50, 80));
        m.put("nibp_mean.high", new Range(90, 130));
        m.put("nibp_sys.rise", new Range(20, 60));
        m.put("nibp_dia.rise", new Range(10, 40));
        m.put("rr.low", new Range(6, 12));
        m.put("rr.very_low", new Range(4, 10));
        m.put("rr.high", new Range(20, 35));
        m.put("rr.very_high", new Range(22, 40));
        return new ClinicBounds(m);
    }
}
