package org.vigil.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.vigil.domain.Vital;
import org.vigil.sim.scenario.Nibp;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioEvent;

/**
 * The patient's vitals at any instant of a scenario. A {@code set} is a step at its {@code at}
 * (the new value holds from {@code at} on); a {@code ramp} changes linearly from the value at its
 * {@code at} to the target at {@code at + over}, then holds. Events apply in time order, file order
 * for equal times; a later set or ramp of a vital replaces what an earlier ramp would still do.
 * Values are exact (not rounded); NIBP is handled as its three components. Immutable.
 */
public final class PatientTimeline {

    /** One piece of a vital's history: from {@code start}, moving linearly from {@code from} to {@code to} until {@code end}. */
    private record Segment(long start, double from, long end, double to) {
        double at(long t) {
            if (t >= end) {
                return to;
            }
            return from + (to - from) * ((double) (t - start) / (double) (end - start));
        }
    }

    private final Map<Vital, List<Segment>> segments = new EnumMap<>(Vital.class);

    /** The timeline of {@code scenario}'s vitals and its set/ramp events. */
    public static PatientTimeline of(Scenario scenario) {
        return new PatientTimeline(scenario.vitals(), scenario.events());
    }

    /**
     * @param initial the vitals at t = 0 (absent ones have no value until set)
     * @param events  any events; only {@code SetVitals} and {@code Ramp} matter, in time order
     *                (a stable sort is applied)
     */
    public PatientTimeline(Map<Vital, Double> initial, List<? extends ScenarioEvent> events) {
        initial.forEach((v, x) -> add(v, new Segment(0, x, 0, x)));
        List<ScenarioEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(ScenarioEvent::at));
        for (ScenarioEvent e : sorted) {
            long a = e.at().toNanos();
            if (e instanceof ScenarioEvent.SetVitals s) {
                s.values().forEach((v, x) -> add(v, new Segment(a, x, a, x)));
            } else if (e instanceof ScenarioEvent.Ramp r) {
                long end = a + r.over().toNanos();
                r.targets().forEach((v, x) -> {
                    OptionalDouble now = value(v, a);
                    double from = now.isPresent() ? now.getAsDouble() : x;
                    add(v, new Segment(a, from, end, x));
                });
            }
        }
    }

    private void add(Vital v, Segment s) {
        // Segments stay sorted by start; for equal starts the last added wins in value().
        segments.computeIfAbsent(v, k -> new ArrayList<>()).add(s);
    }

    /** The value of {@code vital} at {@code t}, or empty when the patient has none (never given). */
    public OptionalDouble value(Vital vital, Duration t) {
        return value(vital, t.toNanos());
    }

    private OptionalDouble value(Vital vital, long t) {
        List<Segment> list = segments.get(vital);
        if (list == null) {
            return OptionalDouble.empty();
        }
        int lo = 0;
        int hi = list.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).start() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? OptionalDouble.empty() : OptionalDouble.of(list.get(found).at(t));
    }

    /** Every vital the patient has at {@code t}, with its value. */
    public Map<Vital, Double> at(Duration t) {
        Map<Vital, Double> out = new EnumMap<>(Vital.class);
        long n = t.toNanos();
        for (Vital v : segments.keySet()) {
            OptionalDouble d = value(v, n);
            if (d.isPresent()) {
                out.put(v, d.getAsDouble());
            }
        }
        return out;
    }

    /** The blood pressure at {@code t}, or empty when the patient has none. */
    public Optional<Nibp> nibp(Duration t) {
        OptionalDouble s = value(Vital.NIBP_SYS, t);
        OptionalDouble d = value(Vital.NIBP_DIA, t);
        OptionalDouble m = value(Vital.NIBP_MEAN, t);
        if (s.isEmpty() || d.isEmpty() || m.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Nibp(s.getAsDouble(), d.getAsDouble(), m.getAsDouble()));
    }
}
