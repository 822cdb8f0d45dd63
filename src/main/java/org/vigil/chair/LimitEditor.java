package org.vigil.chair;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;

/**
 * Decides threshold changes at a chair, on the caller's thread, against the configuration the
 * engine will have once every change already accepted has reached the core thread. That keeps
 * two quick edits from being judged against the same stale picture.
 */
final class LimitEditor {

    /** One threshold to put in force. */
    record Edit(String alarmId, double threshold) {
    }

    private final LimitPolicy policy;
    /** The engine's configuration plus every change accepted but maybe not yet applied. */
    private AlarmConfig requested;

    LimitEditor(LimitPolicy policy, AlarmConfig initial) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.requested = Objects.requireNonNull(initial, "initial");
    }

    /** Checks a change; when accepted it counts as in force for the next check. */
    synchronized LimitChange request(String alarmId, double threshold) {
        LimitRule rule = alarmId == null ? null : requested.rule(alarmId).orElse(null);
        if (rule == null) {
            return LimitChange.refused(alarmId, threshold, null, "unknown alarm id '" + alarmId + "'");
        }
        double old = rule.threshold();
        Optional<String> why = LimitChecks.safe(rule, threshold);
        if (why.isEmpty()) {
            why = policy.refuse(rule, threshold);
        }
        if (why.isPresent()) {
            return LimitChange.refused(alarmId, threshold, old, why.get());
        }
        LimitRule changed = rule.withThreshold(threshold);
        why = LimitChecks.order(requested, changed);
        if (why.isEmpty()) {
            why = LimitChecks.crossing(requested, changed);
        }
        if (why.isPresent()) {
            return LimitChange.refused(alarmId, threshold, old, why.get());
        }
        requested = requested.withRule(changed);
        return LimitChange.accepted(alarmId, old, threshold);
    }

    /** Takes the thresholds of every rule of {@code defaults} this chair has; returns what changes. */
    synchronized List<Edit> takeThresholds(AlarmConfig defaults) {
        List<Edit> edits = new ArrayList<>();
        for (LimitRule d : defaults.rules()) {
            Optional<LimitRule> mine = requested.rule(d.id());
            if (mine.isPresent()) {
                edits.add(new Edit(d.id(), d.threshold()));
                requested = requested.withRule(mine.get().withThreshold(d.threshold()));
            }
        }
        return edits;
    }

    synchronized void enabled(String alarmId, boolean on) {
        requested.rule(alarmId).ifPresent(r -> requested = requested.withRule(r.withEnabled(on)));
    }

    synchronized void replaced(AlarmConfig config) {
        requested = Objects.requireNonNull(config, "config");
    }

    synchronized AlarmConfig requested() {
        return requested;
    }

    Optional<ThresholdRange> range(String alarmId) {
        return requested().rule(alarmId).flatMap(policy::allowedRange);
    }
}
