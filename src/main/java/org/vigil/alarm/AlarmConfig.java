package org.vigil.alarm;

import static org.vigil.alarm.Direction.HIGH;
import static org.vigil.alarm.Direction.LOW;
import static org.vigil.alarm.LimitReference.ABSOLUTE;
import static org.vigil.alarm.LimitReference.BASELINE;
import static org.vigil.alarm.Priority.MEDIUM;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vigil.domain.Vital;

/**
 * The clinic's alarm settings: threshold rules, technical alarm priorities, audio pause length,
 * the escalation rule and NIBP staleness grace. {@link #defaults()} is the table in the clinical
 * brief; every number is a default an admin may change.
 *
 * @param rules                     threshold rules, ids unique
 * @param technicalPriorities       priority of each technical alarm type
 * @param latchingTechnical         technical alarm types that latch
 * @param audioPause                how long "pause audio" silences (default 2 min)
 * @param escalateMediumAfter       an unacknowledged medium alarm becomes high after this; null = off
 * @param nibpGrace                 NIBP is overdue when older than its interval plus this
 * @param pulseRateOnlyWithoutHr    when true, {@code pr} rules are inactive while a valid ECG
 *                                  {@code hr} is being received (one heart-rate source alarms)
 */
public record AlarmConfig(
        List<LimitRule> rules,
        Map<TechnicalAlarmType, Priority> technicalPriorities,
        java.util.Set<TechnicalAlarmType> latchingTechnical,
        Duration audioPause,
        Duration escalateMediumAfter,
        Duration nibpGrace,
        boolean pulseRateOnlyWithoutHr) {

    public AlarmConfig {
        rules = List.copyOf(rules);
        Map<TechnicalAlarmType, Priority> tp = new EnumMap<>(TechnicalAlarmType.class);
        for (TechnicalAlarmType t : TechnicalAlarmType.values()) {
            tp.put(t, t.defaultPriority());
        }
        if (technicalPriorities != null) {
            tp.putAll(technicalPriorities);
        }
        technicalPriorities = Map.copyOf(tp);
        latchingTechnical = latchingTechnical == null ? java.util.Set.of() : java.util.Set.copyOf(latchingTechnical);
        Objects.requireNonNull(audioPause, "audioPause");
        Objects.requireNonNull(nibpGrace, "nibpGrace");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (LimitRule r : rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("duplicate alarm id " + r.id());
            }
        }
    }

    public Optional<LimitRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** A copy with one rule replaced (matched by id). */
    public AlarmConfig withRule(LimitRule rule) {
        List<LimitRule> out = new ArrayList<>(rules.size());
        boolean found = false;
        for (LimitRule r : rules) {
            if (r.id().equals(rule.id())) {
                out.add(rule);
                found = true;
            } else {
                out.add(r);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no alarm rule " + rule.id());
        }
        return new AlarmConfig(out, technicalPriorities, latchingTechnical, audioPause, escalateMediumAfter, nibpGrace,
                pulseRateOnlyWithoutHr);
    }

    /** The defaults from the clinical brief (adult). */
    public static AlarmConfig defaults() {
        Duration d10 = Duration.ofSeconds(10);
        Duration d15 = Duration.ofSeconds(15);
        Duration none = Duration.ZERO;
        List<LimitRule> r = new ArrayList<>();
        for (Vital v : List.of(Vital.HR, Vital.PR)) {
            String k = v.key();
            r.add(rule(k + ".low", v, LOW, 50, false, ABSOLUTE, MEDIUM, d10, false));
            r.add(rule(k + ".very_low", v, LOW, 40, false, ABSOLUTE, Priority.HIGH, d10, false));
            r.add(rule(k + ".high", v, HIGH, 120, false, ABSOLUTE, MEDIUM, d10, false));
            r.add(rule(k + ".very_high", v, HIGH, 130, true, ABSOLUTE, Priority.HIGH, d10, false));
        }
        r.add(rule("spo2.low", Vital.SPO2, LOW, 90, false, ABSOLUTE, MEDIUM, d15, false));
        r.add(rule("spo2.desat", Vital.SPO2, LOW, 85, false, ABSOLUTE, Priority.HIGH, none, true));
        r.add(rule("nibp_sys.low", Vital.NIBP_SYS, LOW, 90, false, ABSOLUTE, MEDIUM, none, false));
        r.add(rule("nibp_sys.high", Vital.NIBP_SYS, HIGH, 160, false, ABSOLUTE, MEDIUM, none, false));
        r.add(rule("nibp_sys.very_high", Vital.NIBP_SYS, HIGH, 180, true, ABSOLUTE, Priority.HIGH, none, false));
        r.add(rule("nibp_dia.low", Vital.NIBP_DIA, LOW, 50, false, ABSOLUTE, MEDIUM, none, false));
        r.add(rule("nibp_dia.high", Vital.NIBP_DIA, HIGH, 90, false, ABSOLUTE, MEDIUM, none, false));
        r.add(rule("nibp_dia.very_high", Vital.NIBP_DIA, HIGH, 110, true, ABSOLUTE, Priority.HIGH, none, false));
        r.add(rule("nibp_mean.low", Vital.NIBP_MEAN, LOW, 60, false, ABSOLUTE, MEDIUM, none, false));
        r.add(rule("nibp_mean.high", Vital.NIBP_MEAN, HIGH, 110, false, ABSOLUTE, MEDIUM, none, false));
        r.add(rule("nibp_sys.rise", Vital.NIBP_SYS, HIGH, 40, true, BASELINE, MEDIUM, none, false));
        r.add(rule("nibp_dia.rise", Vital.NIBP_DIA, HIGH, 25, true, BASELINE, MEDIUM, none, false));
        r.add(rule("rr.low", Vital.RR, LOW, 10, false, ABSOLUTE, MEDIUM, d15, false));
        r.add(rule("rr.very_low", Vital.RR, LOW, 8, true, ABSOLUTE, Priority.HIGH, d15, false));
        r.add(rule("rr.high", Vital.RR, HIGH, 24, false, ABSOLUTE, MEDIUM, d15, false));
        r.add(rule("rr.very_high", Vital.RR, HIGH, 30, true, ABSOLUTE, Priority.HIGH, d15, false));
        return new AlarmConfig(r, Map.of(), java.util.Set.of(), Duration.ofMinutes(2), Duration.ofMinutes(3),
                Duration.ofMinutes(2), true);
    }

    private static LimitRule rule(String id, Vital v, Direction dir, double threshold, boolean inclusive,
            LimitReference ref, Priority p, Duration delay, boolean latching) {
        return new LimitRule(id, v, dir, threshold, inclusive, ref, p, delay, latching, true);
    }
}
