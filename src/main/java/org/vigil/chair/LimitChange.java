package org.vigil.chair;

import java.util.Optional;

/**
 * The answer to a threshold change asked at a chair ({@link ChairFeed#changeLimit}).
 *
 * @param alarmId   the alarm whose threshold was to change
 * @param requested the threshold asked for
 * @param previous  the threshold in force before; null when the alarm id is unknown
 * @param refusal   why the change was refused; null when it was accepted
 */
public record LimitChange(String alarmId, double requested, Double previous, String refusal) {

    public static LimitChange accepted(String alarmId, double previous, double requested) {
        return new LimitChange(alarmId, requested, previous, null);
    }

    public static LimitChange refused(String alarmId, double requested, Double previous, String reason) {
        return new LimitChange(alarmId, requested, previous, reason);
    }

    /** True when the new threshold is (or is about to be) in force. */
    public boolean accepted() {
        return refusal == null;
    }

    /** True when accepted and different from the threshold before (an accepted no-op changes and logs nothing). */
    public boolean changed() {
        return accepted() && previous != null && Double.compare(previous, requested) != 0;
    }

    /** Why it was refused, if it was. */
    public Optional<String> reason() {
        return Optional.ofNullable(refusal);
    }
}
