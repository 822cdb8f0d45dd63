package org.vigil.alarm;

import java.time.Duration;
import java.time.Instant;

/**
 * The mutable state of one alarm condition (one rule, one technical alarm) and of the alarm it
 * puts on screen. Owned by the engine's single thread; never handed out.
 *
 * <p>Lifecycle: {@link #onset} is set while the condition is present; {@link #episodeRaised}
 * once the present episode has lasted its delay and was raised; {@link #onScreen} from raised
 * to cleared (a latched alarm stays on screen after its condition ended).
 */
final class Condition {

    final String id;
    final AlarmKind kind;
    final String parameter;

    /** The threshold rule behind a physiological condition; null for technical ones. */
    LimitRule rule;
    /** The type of a technical condition; null for physiological ones. */
    TechnicalAlarmType techType;
    /** Configured priority for the next raise. */
    Priority priority;
    Duration delay;
    boolean latching;
    boolean enabled = true;

    /** When the present episode began; null when the condition is absent. */
    Instant onset;
    /** {@code onset + delay}. */
    Instant dueAt;
    /** The latest value that violated, and the limit then in force (NaN for technical alarms). */
    double lastValue = Double.NaN;
    double lastLimit = Double.NaN;
    /** Screen text for the next raise. */
    String pendingMessage;
    boolean episodeRaised;

    boolean onScreen;
    boolean acknowledged;
    boolean escalated;
    boolean pauseSilenced;
    Priority alarmPriority;
    Double value;
    Double limit;
    String message;
    Instant raisedAt;

    Condition(String id, AlarmKind kind, String parameter, Priority priority, Duration delay, boolean latching) {
        this.id = id;
        this.kind = kind;
        this.parameter = parameter;
        this.priority = priority;
        this.delay = delay;
        this.latching = latching;
    }

    boolean present() {
        return onset != null;
    }

    /** True when the condition is present, has not raised yet in this episode, and may raise at {@code now}. */
    boolean due(Instant now) {
        return onset != null && !episodeRaised && enabled && !now.isBefore(dueAt);
    }

    /** Begins a new episode at {@code at}. */
    void start(Instant at) {
        onset = at;
        dueAt = at.plus(delay);
        episodeRaised = false;
    }

    void setDelay(Duration d) {
        delay = d;
        if (onset != null) {
            dueAt = onset.plus(d);
        }
    }

    boolean conditionActive() {
        return onScreen && episodeRaised;
    }

    boolean audible() {
        return onScreen && !acknowledged && !pauseSilenced;
    }

    ActiveAlarm toActive() {
        boolean active = conditionActive();
        if (active && rule != null && !Double.isNaN(lastValue)) {
            // while the condition lasts the screen shows the latest violating value, not the one that raised it
            return new ActiveAlarm(id, alarmPriority, kind, parameter, value, lastLimit,
                    AlarmText.physiological(rule, lastValue, lastLimit), raisedAt, true, acknowledged, escalated,
                    audible(), lastValue);
        }
        return new ActiveAlarm(id, alarmPriority, kind, parameter, value, limit, message, raisedAt,
                active, acknowledged, escalated, audible(), null);
    }
}
