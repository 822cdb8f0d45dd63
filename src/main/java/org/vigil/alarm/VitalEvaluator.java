package org.vigil.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * Physiological alarm conditions: the configured threshold rules, evaluated against readings.
 * Continuous vitals (HR, PR, SpO2, RR) start a condition on a valid violating reading and raise it
 * once it has lasted its delay; NIBP rules are evaluated once per measurement and raise at once.
 * Work per reading is proportional to the rules of that reading's vital.
 */
final class VitalEvaluator {

    private static final Vital[] VITALS = Vital.values();
    private static final Condition[] NONE = new Condition[0];

    private final AlarmBoard board;
    private final Map<String, Condition> byId = new HashMap<>();
    private final Condition[][] byVital = new Condition[VITALS.length][];
    /** Last valid value per vital; NaN while unknown (continuous) or before the first measurement (NIBP). */
    private final double[] lastValue = new double[VITALS.length];
    private final String[] lastSource = new String[VITALS.length];
    /** True while the vital's latest reading was flagged questionable: its conditions are frozen. */
    private final boolean[] questionable = new boolean[VITALS.length];
    private Baseline baseline;
    private boolean prOnlyWithoutHr;
    private Instant hrValidUntil;

    VitalEvaluator(AlarmBoard board) {
        this.board = board;
        Arrays.fill(lastValue, Double.NaN);
        Arrays.fill(byVital, NONE);
    }

    Condition condition(String id) {
        return byId.get(id);
    }

    void collectDisabled(Set<String> out) {
        for (Condition c : byId.values()) {
            if (!c.enabled) {
                out.add(c.id);
            }
        }
    }

    Baseline baseline() {
        return baseline;
    }

    /** Applies {@code config}'s rules (kept conditions keep their state) and re-evaluates the last known values. */
    void configure(AlarmConfig config, Instant now) {
        prOnlyWithoutHr = config.pulseRateOnlyWithoutHr();
        Map<String, Condition> next = new HashMap<>();
        List<List<Condition>> lists = new ArrayList<>(VITALS.length);
        for (int i = 0; i < VITALS.length; i++) {
            lists.add(new ArrayList<>());
        }
        for (LimitRule rule : config.rules()) {
            Condition c = byId.get(rule.id());
            if (c == null || c.rule.vital() != rule.vital()) {
                c = new Condition(rule.id(), AlarmKind.PHYSIOLOGICAL, rule.vital().key(), rule.priority(),
                        Duration.ZERO, rule.latching());
                c.enabled = rule.enabled();
            }
            c.rule = rule;
            c.priority = rule.priority();
            c.latching = rule.latching();
            c.setDelay(rule.vital().isNibp() ? Duration.ZERO : rule.conditionDelay());
            next.put(rule.id(), c);
            lists.get(rule.vital().ordinal()).add(c);
        }
        for (Condition old : byId.values()) {
            if (next.get(old.id) != old) {
                retire(old, now);
            }
        }
        byId.clear();
        byId.putAll(next);
        for (int i = 0; i < VITALS.length; i++) {
            byVital[i] = lists.get(i).toArray(NONE);
        }
        for (Condition c : next.values()) {
            if (c.enabled != c.rule.enabled()) {
                if (c.rule.enabled()) {
                    board.enable(c);
                } else {
                    board.disable(c, now);
                }
            }
        }
        reevaluate(now, false);
    }

    void setBaseline(Baseline b, Instant now) {
        baseline = b;
        reevaluate(now, true);
    }

    void onReading(Reading r, Instant now, Duration sourceTimeout) {
        Vital v = r.vital();
        int vi = v.ordinal();
        Set<ReadingFlag> flags = r.flags();
        if (flags.contains(ReadingFlag.IMPLAUSIBLE)) {
            return; // a value no patient can have: it neither starts nor ends a condition
        }
        if (v.isNibp()) {
            if (flags.contains(ReadingFlag.CUFF_INFLATING) || flags.contains(ReadingFlag.QUESTIONABLE) || !r.isValid()) {
                return; // the cuff is up, an artifact, or a failed measurement: the last measurement stands
            }
            lastValue[vi] = r.value();
            lastSource[vi] = r.deviceId();
            evaluateAll(byVital[vi], r.value(), r.time(), now);
            return;
        }
        if (flags.contains(ReadingFlag.QUESTIONABLE)) {
            questionable[vi] = true;
            return;
        }
        questionable[vi] = false;
        lastSource[vi] = r.deviceId();
        boolean valid = r.isValid();
        lastValue[vi] = valid ? r.value() : Double.NaN;
        if (v == Vital.HR && valid) {
            hrValidUntil = r.time().plus(sourceTimeout);
            if (prOnlyWithoutHr) {
                endAll(byVital[Vital.PR.ordinal()], now);
            }
        }
        if (!valid || (v == Vital.PR && prSuppressed(r.time()))) {
            endAll(byVital[vi], now);
            return;
        }
        evaluateAll(byVital[vi], r.value(), r.time(), now);
    }

    /**
     * The device went silent or its port went away: its continuous vitals become unknown. Their
     * alarms end with {@code why} (the technical alarm's text) as the reason: the source was lost.
     */
    void deviceLost(String deviceId, String why, Instant now) {
        for (int i = 0; i < VITALS.length; i++) {
            if (!VITALS[i].isNibp() && deviceId.equals(lastSource[i])) {
                lastValue[i] = Double.NaN;
                questionable[i] = false;
                lastSource[i] = null;
                for (Condition c : byVital[i]) {
                    board.end(c, now, why);
                }
            }
        }
    }

    /** Raises conditions whose delay has elapsed, except those of a vital whose latest reading was questionable. */
    void tick(Instant now) {
        for (int i = 0; i < VITALS.length; i++) {
            if (questionable[i]) {
                continue;
            }
            Condition[] cs = byVital[i];
            for (Condition c : cs) {
                board.raiseIfDue(c, now);
            }
        }
    }

    /** Raises {@code c} if due, unless its vital is frozen by a questionable reading. */
    void raiseIfDue(Condition c, Instant now) {
        if (!questionable[c.rule.vital().ordinal()]) {
            board.raiseIfDue(c, now);
        }
    }

    private boolean prSuppressed(Instant at) {
        return prOnlyWithoutHr && hrValidUntil != null && at.isBefore(hrValidUntil);
    }

    private void reevaluate(Instant now, boolean baselineRulesOnly) {
        for (int i = 0; i < VITALS.length; i++) {
            if (questionable[i]) {
                continue;
            }
            double value = lastValue[i];
            boolean unknown = Double.isNaN(value) || (VITALS[i] == Vital.PR && prSuppressed(now));
            for (Condition c : byVital[i]) {
                if (baselineRulesOnly && c.rule.reference() != LimitReference.BASELINE) {
                    continue;
                }
                if (unknown) {
                    board.end(c, now);
                } else {
                    evaluate(c, value, now, now);
                }
            }
        }
    }

    private void evaluateAll(Condition[] cs, double value, Instant at, Instant now) {
        for (Condition c : cs) {
            evaluate(c, value, at, now);
        }
    }

    private void evaluate(Condition c, double value, Instant at, Instant now) {
        LimitRule rule = c.rule;
        double base = baseline == null ? Double.NaN : baseline.valueFor(rule.vital());
        if (rule.violatedBy(value, base)) {
            if (c.onset == null) {
                c.start(at);
            }
            if (c.onScreen && (value != c.lastValue || rule.limitInForce(base) != c.lastLimit)) {
                board.changed(); // the screen shows the current value of an alarm on screen
            }
            c.lastValue = value;
            c.lastLimit = rule.limitInForce(base);
            board.raiseIfDue(c, now);
        } else {
            board.end(c, now);
        }
    }

    private void endAll(Condition[] cs, Instant now) {
        for (Condition c : cs) {
            board.end(c, now);
        }
    }

    /** A rule removed or redefined by a configuration change: its condition ends and its alarm leaves the screen. */
    private void retire(Condition c, Instant now) {
        board.end(c, now);
        if (c.onScreen) {
            board.disable(c, now);
        }
    }
}
