package org.vigil.config;

import org.vigil.domain.Decimals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;
import org.vigil.alarm.TierOrder;
import org.vigil.alarm.Priority;
import org.vigil.alarm.SafeRanges;
import org.vigil.alarm.TechnicalAlarmType;
import org.vigil.yaml.KeyPaths;
import org.vigil.yaml.Problems;
import org.vigil.yaml.YamlNode;

/**
 * Reads the {@code alarms} section onto {@link AlarmConfig#defaults()} and {@link ClinicBounds#defaults()}:
 * anything not given keeps its default. Thresholds must lie in the safe range of their
 * vital and inside the clinic bounds; every setting must lie in its safe range ({@link SafeRanges}).
 */
final class AlarmsReader {

    private static final List<String> KEYS = List.of("audio_pause", "escalate_medium_after", "nibp_grace",
            "pulse_rate_only_without_hr", "limits", "technical", "bounds");
    private static final List<String> LIMIT_KEYS = List.of("threshold", "priority", "delay", "latching", "enabled");
    private static final List<String> TECHNICAL_KEYS = List.of("priority", "latching");
    private static final List<String> BOUND_KEYS = List.of("min", "max");
    /** The clinical defaults, whose priorities are the floor of every alarm's ({@link SafeRanges#priority}). */
    private static final AlarmConfig DEFAULTS = AlarmConfig.defaults();

    /** The result; both are complete only when no problem was added. */
    record Result(AlarmConfig alarms, ClinicBounds bounds) {
    }

    private final Problems problems;

    AlarmsReader(Problems problems) {
        this.problems = problems;
    }

    Result read(Fields root) {
        AlarmConfig base = AlarmConfig.defaults();
        if (!root.has("alarms")) {
            return new Result(base, ClinicBounds.defaults());
        }
        Fields f = new Fields(root.node("alarms"), "alarms", problems, KEYS);
        Duration audioPause = orDefault(safe(f, "audio_pause", f.duration("audio_pause", true), SafeRanges::audioPause),
                base.audioPause());
        Duration escalate = base.escalateMediumAfter();
        if (f.has("escalate_medium_after")) {
            String t = f.text("escalate_medium_after");
            escalate = t != null && t.trim().equalsIgnoreCase("off") ? null
                    : safe(f, "escalate_medium_after", f.duration("escalate_medium_after", true), SafeRanges::escalation);
        }
        Duration grace = orDefault(safe(f, "nibp_grace", f.duration("nibp_grace", false), SafeRanges::nibpGrace),
                base.nibpGrace());
        Boolean prOnly = f.bool("pulse_rate_only_without_hr");

        Map<String, Integer> thresholdLines = new HashMap<>();
        List<LimitRule> rules = limits(f, base, thresholdLines);
        Map<TechnicalAlarmType, Priority> priorities = new EnumMap<>(base.technicalPriorities());
        Set<TechnicalAlarmType> latching = EnumSet.noneOf(TechnicalAlarmType.class);
        latching.addAll(base.latchingTechnical());
        technical(f, priorities, latching);
        Map<String, Integer> boundLines = new HashMap<>();
        ClinicBounds bounds = bounds(f, base, boundLines);

        for (LimitRule r : rules) {
            checkThreshold(r, bounds, thresholdLines, boundLines, "alarms.limits");
        }
        AlarmConfig alarms = new AlarmConfig(rules, priorities, latching, audioPause, escalate, grace,
                prOnly == null ? base.pulseRateOnlyWithoutHr() : prOnly);
        checkTierOrder(alarms, bounds, thresholdLines, "alarms.limits");
        checkCrossing(alarms, bounds, thresholdLines, "alarms.limits");
        return new Result(alarms, bounds);
    }

    /**
     * Reads the {@code limits} map under {@code alarms} onto the rules of {@code base}; the line of
     * every threshold given goes to {@code thresholdLines} for {@link #checkThresholds}.
     */
    List<LimitRule> limits(Fields alarms, AlarmConfig base, Map<String, Integer> thresholdLines) {
        Map<String, LimitRule> byId = new java.util.LinkedHashMap<>();
        base.rules().forEach(r -> byId.put(r.id(), r));
        for (YamlNode.Entry e : alarms.mapEntries("limits")) {
            String path = KeyPaths.child(alarms.path("limits"), e.key());
            LimitRule r = byId.get(e.key());
            if (r == null) {
                problems.add(e.line(), path, unknownAlarm(e.key(), base));
                continue;
            }
            Fields f = new Fields(e.value(), path, problems, LIMIT_KEYS);
            Double threshold = f.number("threshold");
            Priority priority = priority(f);
            Duration delay = f.duration("delay", false);
            Boolean latch = f.bool("latching");
            Boolean enabled = f.bool("enabled");
            if (threshold != null) {
                thresholdLines.put(r.id(), f.lineOf("threshold"));
            }
            priority = safePriority(f, r.id(), priority);
            delay = safeDelay(f, orDefault(priority, r.priority()), delay, r.conditionDelay());
            byId.put(r.id(), new LimitRule(r.id(), r.vital(), r.direction(), orDefault(threshold, r.threshold()),
                    r.inclusive(), r.reference(), orDefault(priority, r.priority()), orDefault(delay, r.conditionDelay()),
                    orDefault(latch, r.latching()), orDefault(enabled, r.enabled())));
        }
        return new ArrayList<>(byId.values());
    }

    private void technical(Fields alarms, Map<TechnicalAlarmType, Priority> priorities,
            Set<TechnicalAlarmType> latching) {
        for (YamlNode.Entry e : alarms.mapEntries("technical")) {
            String path = KeyPaths.child(alarms.path("technical"), e.key());
            TechnicalAlarmType type;
            try {
                type = TechnicalAlarmType.fromKey(e.key());
            } catch (IllegalArgumentException ex) {
                problems.add(e.line(), path, "unknown technical alarm (expected one of "
                        + java.util.Arrays.stream(TechnicalAlarmType.values()).map(TechnicalAlarmType::key)
                                .collect(Collectors.joining(", ")) + ")");
                continue;
            }
            Fields f = new Fields(e.value(), path, problems, TECHNICAL_KEYS);
            Priority p = priority(f);
            if (p != null) {
                p = safe(f, "priority", p, q -> SafeRanges.priority(type.key(), type.defaultPriority(), q));
            }
            if (p != null) {
                priorities.put(type, p);
            }
            Boolean latch = f.bool("latching");
            if (Boolean.TRUE.equals(latch)) {
                latching.add(type);
            } else if (Boolean.FALSE.equals(latch)) {
                latching.remove(type);
            }
        }
    }

    private ClinicBounds bounds(Fields alarms, AlarmConfig base, Map<String, Integer> boundLines) {
        ClinicBounds bounds = ClinicBounds.defaults();
        for (YamlNode.Entry e : alarms.mapEntries("bounds")) {
            String path = KeyPaths.child(alarms.path("bounds"), e.key());
            LimitRule r = base.rule(e.key()).orElse(null);
            if (r == null) {
                problems.add(e.line(), path, unknownAlarm(e.key(), base));
                continue;
            }
            Fields f = new Fields(e.value(), path, problems, BOUND_KEYS);
            if (!f.isMap()) {
                continue;
            }
            boolean present = f.require("min") & f.require("max");
            Double min = f.number("min");
            Double max = f.number("max");
            if (!present || min == null || max == null) {
                continue;
            }
            if (!Physiology.allows(r, min)) {
                f.problem("min", "min " + Physiology.refusal(r, min).orElseThrow());
            } else if (!Physiology.allows(r, max)) {
                f.problem("max", "max " + Physiology.refusal(r, max).orElseThrow());
            } else if (min > max) {
                f.problem("min", "min " + Decimals.format(min) + " is above max " + Decimals.format(max));
            } else {
                bounds = bounds.with(r.id(), new ClinicBounds.Range(min, max));
                boundLines.put(r.id(), f.line());
            }
        }
        return bounds;
    }

    /** Reports thresholds given in a limits map ({@code limitsPath}) outside physiology or the clinic bounds. */
    void checkThresholds(List<LimitRule> rules, ClinicBounds bounds, Map<String, Integer> thresholdLines,
            String limitsPath) {
        for (LimitRule r : rules) {
            checkThreshold(r, bounds, thresholdLines, Map.of(), limitsPath);
        }
    }

    /**
     * Reports thresholds given in a limits map that put a higher-priority tier before a lower one, or
     * leave a lower-priority tier no value the device can send at which it fires alone.
     */
    void checkTierOrder(AlarmConfig alarms, ClinicBounds bounds, Map<String, Integer> thresholdLines, String limitsPath) {
        for (LimitRule r : alarms.rules()) {
            Integer line = thresholdLines.get(r.id());
            boolean alreadyRefused = !Physiology.allows(r, r.threshold())
                    || !bounds.range(r.id()).map(b -> b.contains(r.threshold())).orElse(true);
            if (line == null || alreadyRefused) {
                continue;
            }
            String path = limitsPath + "." + r.id() + ".threshold";
            Optional<TierOrder.Conflict> conflict = TierOrder.conflict(alarms, r);
            conflict.ifPresent(c -> problems.add(line, path,
                    "threshold " + Decimals.format(r.threshold()) + " would be " + c.side() + " the "
                            + c.other().priority().key() + "-priority limit " + c.other().id() + " ("
                            + Decimals.format(c.other().threshold()) + "): tiers must stay in order"));
            if (conflict.isEmpty()) {
                TierOrder.unreachable(alarms, r).ifPresent(u -> problems.add(line, path, u.reason()));
            }
        }
    }

    private void checkThreshold(LimitRule r, ClinicBounds bounds, Map<String, Integer> thresholdLines,
            Map<String, Integer> boundLines, String limitsPath) {
        Integer line = thresholdLines.get(r.id());
        ClinicBounds.Range allowed = bounds.range(r.id()).orElse(null);
        if (line != null) {
            String path = limitsPath + "." + r.id() + ".threshold";
            String t = Decimals.format(r.threshold());
            Optional<String> unsafe = Physiology.refusal(r, r.threshold());
            if (unsafe.isPresent()) {
                problems.add(line, path, "threshold " + unsafe.get());
            } else if (allowed != null && !allowed.contains(r.threshold())) {
                problems.add(line, path, "threshold " + t + " is outside the clinic bounds " + allowed
                        + " (alarms.bounds." + r.id() + ")");
            }
        } else if (allowed != null && boundLines.containsKey(r.id()) && !allowed.contains(r.threshold())) {
            problems.add(boundLines.get(r.id()), "alarms.bounds." + r.id(), "the default threshold "
                    + Decimals.format(r.threshold()) + " is outside " + allowed + " (set alarms.limits." + r.id()
                    + ".threshold inside it)");
        }
    }

    /**
     * Reports thresholds given in a limits map that are not below (a low limit) or above (a high
     * limit) every limit on the other side of the same vital: every value would alarm.
     */
    void checkCrossing(AlarmConfig alarms, ClinicBounds bounds, Map<String, Integer> thresholdLines, String limitsPath) {
        for (LimitRule r : alarms.rules()) {
            Integer line = thresholdLines.get(r.id());
            boolean alreadyRefused = !Physiology.allows(r, r.threshold())
                    || !bounds.range(r.id()).map(range -> range.contains(r.threshold())).orElse(true);
            if (line == null || alreadyRefused) {
                continue;
            }
            SafeRanges.crossing(alarms, r).ifPresent(why -> problems.add(line, limitsPath + "." + r.id() + ".threshold",
                    "threshold " + why));
        }
    }

    /** {@code value}, or null after reporting it at {@code key} when {@code check} refuses it. */
    private static <T> T safe(Fields f, String key, T value, Function<T, Optional<String>> check) {
        if (value == null) {
            return null;
        }
        Optional<String> why = check.apply(value);
        if (why.isPresent()) {
            f.problem(key, why.get());
            return null;
        }
        return value;
    }

    /** The priority given for alarm {@code id}, or null after reporting it when below the clinical default. */
    private static Priority safePriority(Fields f, String id, Priority given) {
        Priority defaultPriority = DEFAULTS.rule(id).map(LimitRule::priority).orElse(Priority.LOW);
        return safe(f, "priority", given, p -> SafeRanges.priority(id, defaultPriority, p));
    }

    /**
     * The delay given, or null after reporting it: the delay in force (given, or {@code current})
     * must suit the priority in force; reported at the delay, or at the priority that made it too long.
     */
    private static Duration safeDelay(Fields f, Priority priority, Duration given, Duration current) {
        if (given == null && !f.has("priority")) {
            return null;
        }
        Optional<String> why = SafeRanges.delay(priority, given == null ? current : given);
        if (why.isPresent()) {
            f.problem(given == null ? "priority" : "delay", why.get());
            return null;
        }
        return given;
    }

    private static Priority priority(Fields f) {
        String t = f.string("priority", false);
        if (t == null) {
            return null;
        }
        try {
            return Priority.fromKey(t);
        } catch (IllegalArgumentException e) {
            f.problem("priority", e.getMessage());
            return null;
        }
    }

    private static String unknownAlarm(String id, AlarmConfig base) {
        return "unknown alarm id '" + id + "' (expected one of "
                + base.rules().stream().map(LimitRule::id).collect(Collectors.joining(", ")) + ")";
    }

    private static <T> T orDefault(T v, T d) {
        return v == null ? d : v;
    }
}
