package org.vigil.ui;

import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.Direction;
import org.vigil.alarm.LimitReference;
import org.vigil.alarm.LimitRule;
import org.vigil.domain.Vital;

/**
 * The alarm limits printed small on a tile: the first absolute threshold to trigger on each side
 * (the highest low limit, the lowest high limit) among the alarms on, followed by the thresholds of
 * that side's alarms switched off ({@code ▲ 130 (120 OFF)}). "OFF" when every rule on that side is
 * switched off; empty when there is no such rule or the settings are unknown.
 */
final class LimitTexts {

    static final String UP = "\u25B2 ";
    static final String DOWN = "\u25BC ";

    private LimitTexts() {
    }

    /** Upper limits of {@code vitals} joined with "/", e.g. {@code ▲ 160/90}. */
    static String high(AlarmConfig config, Set<String> disabled, List<Vital> vitals) {
        return side(config, disabled, vitals, Direction.HIGH, UP);
    }

    /** Lower limits of {@code vitals} joined with "/", e.g. {@code ▼ 90/50}. */
    static String low(AlarmConfig config, Set<String> disabled, List<Vital> vitals) {
        return side(config, disabled, vitals, Direction.LOW, DOWN);
    }

    private static String side(AlarmConfig config, Set<String> disabled, List<Vital> vitals, Direction dir, String mark) {
        if (config == null) {
            return "";
        }
        StringJoiner j = new StringJoiner("/");
        boolean any = false;
        for (Vital v : vitals) {
            String t = one(config, disabled, v, dir);
            any |= !t.isEmpty();
            j.add(t.isEmpty() ? "\u2013" : t);
        }
        return any ? mark + j : "";
    }

    static String one(AlarmConfig config, Set<String> disabled, Vital v, Direction dir) {
        boolean exists = false;
        Double best = null;
        StringJoiner off = new StringJoiner(", ");
        for (LimitRule r : AlarmsOff.tiers(config, v, dir)) {
            if (r.reference() != LimitReference.ABSOLUTE) {
                continue;
            }
            exists = true;
            if (AlarmsOff.off(r, disabled)) {
                off.add(Formats.threshold(r.threshold()));
                continue;
            }
            if (best == null) {
                best = r.threshold();
            }
        }
        if (best != null) {
            // A tier switched off is never hidden behind the next one: "130 (120 OFF)".
            return Formats.threshold(best) + (off.length() == 0 ? "" : " (" + off + " OFF)");
        }
        return exists ? "OFF" : "";
    }
}
