package org.vigil.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.Direction;
import org.vigil.alarm.LimitReference;
import org.vigil.alarm.LimitRule;
import org.vigil.alarm.TechnicalAlarmType;
import org.vigil.domain.Vital;
import org.vigil.chair.DeviceInfo;

/**
 * The IEC 60601-1-8 "alarm off" indication in words: which alarms of a tile are off, tier by tier
 * ({@code "HR > 120 alarm OFF (≥ 130 still on)"}), and the chair header's count
 * ({@code "1 alarm off: HR > 120"}). An alarm is off when an admin switched it off at the chair or
 * the configuration has {@code enabled: false} for it (both reach the screen in the snapshot's
 * {@code disabled} set, and the configuration's rule says it too). A side without any rule, an
 * alarm waiting for a baseline and pulse-rate alarms resting while an ECG heart rate is received
 * are not "off". Pure; FX thread only.
 */
final class AlarmsOff {

    private AlarmsOff() {
    }

    static boolean off(LimitRule r, Set<String> disabled) {
        return !r.enabled() || disabled.contains(r.id());
    }

    /**
     * The tile's line: for each vital and side with an alarm off, the alarms off and the tiers of
     * that side still on; empty when every alarm of the tile is on or the settings are unknown.
     */
    static String tile(AlarmConfig config, Set<String> disabled, List<Vital> vitals) {
        if (config == null) {
            return "";
        }
        StringJoiner line = new StringJoiner(" \u00B7 ");
        for (Vital v : vitals) {
            for (Direction dir : List.of(Direction.HIGH, Direction.LOW)) {
                List<LimitRule> tiers = tiers(config, v, dir);
                List<String> offs = new ArrayList<>();
                List<String> ons = new ArrayList<>();
                for (LimitRule r : tiers) {
                    (off(r, disabled) ? offs : ons).add(condition(r));
                }
                if (offs.isEmpty()) {
                    continue;
                }
                String s = v.label() + " " + String.join(", ", offs) + (offs.size() == 1 ? " alarm OFF" : " alarms OFF");
                if (!ons.isEmpty()) {
                    s += " (" + String.join(", ", ons) + " still on)";
                }
                line.add(s);
            }
        }
        return line.toString();
    }

    /** The header's text: {@code "2 alarms off: HR > 120, SpO2 device no data"}; empty when none is off. */
    static String header(AlarmConfig config, Set<String> disabled, List<DeviceInfo> devices) {
        List<String> names = new ArrayList<>();
        if (config != null) {
            for (LimitRule r : config.rules()) {
                if (off(r, disabled)) {
                    names.add(r.vital().label() + " " + condition(r));
                }
            }
        }
        for (String id : disabled.stream().sorted().toList()) {
            if (config != null && config.rule(id).isPresent()) {
                continue;
            }
            names.add(technicalName(id, devices));
        }
        if (names.isEmpty()) {
            return "";
        }
        return names.size() + (names.size() == 1 ? " alarm off: " : " alarms off: ") + String.join(", ", names);
    }

    /** {@code "> 120"}, {@code "≥ 130"}, {@code "rise ≥ 40"}. */
    static String condition(LimitRule r) {
        String op;
        if (r.direction() == Direction.LOW) {
            op = r.inclusive() ? "\u2264 " : "< ";
        } else {
            op = r.inclusive() ? "\u2265 " : "> ";
        }
        String t = op + Formats.threshold(r.threshold());
        if (r.reference() == LimitReference.BASELINE) {
            return (r.direction() == Direction.HIGH ? "rise " : "fall ") + t;
        }
        return t;
    }

    /** The tiers of one side, the first to trigger first (absolute limits, then rises from baseline). */
    static List<LimitRule> tiers(AlarmConfig config, Vital v, Direction dir) {
        Comparator<LimitRule> order = Comparator.comparing((LimitRule r) -> r.reference() == LimitReference.BASELINE);
        order = order.thenComparingDouble(r -> dir == Direction.HIGH ? r.threshold() : -r.threshold());
        return config.rules().stream().filter(r -> r.vital() == v && r.direction() == dir).sorted(order).toList();
    }

    private static String technicalName(String id, List<DeviceInfo> devices) {
        int dot = id.indexOf('.');
        if (dot < 0) {
            return id;
        }
        String source = id.substring(0, dot);
        String key = id.substring(dot + 1);
        String what;
        try {
            what = TechnicalAlarmType.fromKey(key).text();
        } catch (IllegalArgumentException e) {
            what = key;
        }
        Optional<DeviceInfo> d = devices.stream().filter(i -> i.id().equals(source)).findFirst();
        return d.map(DeviceInfo::label).orElse(source) + " " + what;
    }
}
