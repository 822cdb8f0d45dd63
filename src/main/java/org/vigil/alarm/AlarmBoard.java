package org.vigil.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The alarms on screen and their lifecycle (raise, end, acknowledge, clear, escalate, audio
 * pause), turning every change into an {@link AlarmEvent}. Within a tick, events are buffered and
 * handed out ordered by alarm id (stable, so one alarm's events keep their order); otherwise they
 * go out as they happen.
 */
final class AlarmBoard {

    private static final Comparator<Condition> BY_ID = Comparator.comparing(c -> c.id);
    private static final Comparator<AlarmEvent> EVENT_BY_ID = Comparator.comparing(AlarmEvent::alarmId);


    private final AlarmListener listener;
    private final List<Condition> onScreen = new ArrayList<>();
    private final List<AlarmEvent> buffer = new ArrayList<>();
    private boolean buffering;
    private Duration escalateMediumAfter;
    private Instant pausedUntil;
    private long version;

    AlarmBoard(AlarmListener listener, Duration escalateMediumAfter) {
        this.listener = listener;
        this.escalateMediumAfter = escalateMediumAfter;
    }

    void setEscalateMediumAfter(Duration d) {
        escalateMediumAfter = d;
    }

    long version() {
        return version;
    }

    void changed() {
        version++;
    }

    Instant pausedUntil() {
        return pausedUntil;
    }

    /** Raises {@code c} when its present episode has lasted its delay; returns true if it raised. */
    boolean raiseIfDue(Condition c, Instant now) {
        if (!c.due(now)) {
            return false;
        }
        c.episodeRaised = true;
        if (!c.onScreen) {
            c.onScreen = true;
            c.acknowledged = false;
            c.escalated = false;
            c.alarmPriority = c.priority;
            onScreen.add(c);
        }
        // a new alarm, or a latched one whose condition came back: either way it sounds now
        c.pauseSilenced = false;
        c.raisedAt = now;
        if (c.rule != null) {
            c.value = c.lastValue;
            c.limit = c.lastLimit;
            c.message = AlarmText.physiological(c.rule, c.lastValue, c.lastLimit);
        } else {
            c.value = null;
            c.limit = null;
            c.message = c.pendingMessage;
        }
        emit(c, AlarmEventType.RAISED, now, null);
        return true;
    }

    /** The condition is gone: logs ENDED if it had raised, and clears it unless it latches unacknowledged. */
    void end(Condition c, Instant now) {
        end(c, now, null);
    }

    /**
     * As {@link #end(Condition, Instant)}; a non-null {@code sourceLost} (the technical alarm's
     * text, {@code "Monitor: no data"}) says the condition ended because the station lost the
     * value's source, not because the patient recovered: the {@code ended} event's message then
     * reads {@code "HR 135 ≥ 130 · ended: source lost (Monitor: no data)"}.
     */
    void end(Condition c, Instant now, String sourceLost) {
        if (c.onset == null) {
            return;
        }
        c.onset = null;
        c.dueAt = null;
        if (!c.episodeRaised) {
            return;
        }
        c.episodeRaised = false;
        if (sourceLost == null) {
            emit(c, AlarmEventType.ENDED, now, null);
        } else {
            emit(c, AlarmEventType.ENDED, now, null, c.message + " \u00B7 " + AlarmEvent.SOURCE_LOST + " (" + sourceLost + ')');
        }
        if (!c.latching || c.acknowledged) {
            clear(c, now);
        } else {
            changed();
        }
    }

    /** Acknowledges every alarm on screen not yet acknowledged, in id order. */
    void acknowledgeAll(String user, Instant now) {
        List<Condition> list = new ArrayList<>(onScreen);
        list.sort(BY_ID);
        for (Condition c : list) {
            if (c.acknowledged) {
                continue;
            }
            c.acknowledged = true;
            emit(c, AlarmEventType.ACKNOWLEDGED, now, user);
            if (!c.episodeRaised) {
                clear(c, now);
            }
        }
    }

    /** Switches {@code c} off: it is cleared from the screen and will not raise while off. */
    void disable(Condition c, Instant now) {
        c.enabled = false;
        c.episodeRaised = false;
        if (c.onScreen) {
            clear(c, now);
        }
        changed();
    }

    void enable(Condition c) {
        c.enabled = true;
        changed();
    }

    /** Silences every alarm now on screen until {@code until}. */
    void pause(Instant until) {
        pausedUntil = until;
        for (Condition c : onScreen) {
            c.pauseSilenced = true;
        }
        changed();
    }

    /** Ends the audio pause: alarms still on screen and unacknowledged sound again. */
    void endPause() {
        pausedUntil = null;
        for (Condition c : onScreen) {
            c.pauseSilenced = false;
        }
        changed();
    }

    /** Escalates every medium alarm unacknowledged for the configured time with its condition present. */
    void escalate(Instant now) {
        if (escalateMediumAfter == null) {
            return;
        }
        for (int i = 0; i < onScreen.size(); i++) {
            Condition c = onScreen.get(i);
            if (c.alarmPriority == Priority.MEDIUM && !c.acknowledged && c.episodeRaised
                    && !now.isBefore(c.raisedAt.plus(escalateMediumAfter))) {
                c.alarmPriority = Priority.HIGH;
                c.escalated = true;
                c.pauseSilenced = false;
                emit(c, AlarmEventType.ESCALATED, now, null);
            }
        }
    }

    /** Latched alarms on screen and not acknowledged, in id order (what a restart after a crash puts back). */
    List<AlarmSettingsState.Latched> latchedUnacknowledged() {
        List<Condition> list = new ArrayList<>(onScreen);
        list.sort(BY_ID);
        List<AlarmSettingsState.Latched> out = new ArrayList<>();
        for (Condition c : list) {
            if (c.latching && !c.acknowledged) {
                out.add(new AlarmSettingsState.Latched(c.id, c.alarmPriority, c.kind, c.parameter, c.value, c.limit,
                        c.message, c.raisedAt, c.escalated, c.pauseSilenced));
            }
        }
        return out;
    }

    /** Puts a saved latched alarm back on screen, unacknowledged, its condition not (yet) present again. */
    void restoreLatched(Condition c, AlarmSettingsState.Latched a, Instant now, String note) {
        if (c.onScreen) {
            return;
        }
        c.onScreen = true;
        c.acknowledged = false;
        c.escalated = a.escalated();
        c.alarmPriority = a.priority();
        c.pauseSilenced = a.pauseSilenced() && pausedUntil != null;
        c.value = a.value();
        c.limit = a.limit();
        c.message = a.message();
        c.raisedAt = a.raisedAt();
        onScreen.add(c);
        emit(c, AlarmEventType.RAISED, now, null, a.message() + " \u00B7 " + note);
    }

    /** From here until {@link #flushTick()}, events are held and then handed out ordered by alarm id. */
    void beginTick() {
        buffering = true;
    }

    void flushTick() {
        buffering = false;
        if (buffer.isEmpty()) {
            return;
        }
        buffer.sort(EVENT_BY_ID);
        for (int i = 0; i < buffer.size(); i++) {
            listener.onAlarmEvent(buffer.get(i));
        }
        buffer.clear();
    }

    AlarmSnapshot snapshot(Instant now, Set<String> disabled) {
        List<ActiveAlarm> list = new ArrayList<>(onScreen.size());
        for (Condition c : onScreen) {
            list.add(c.toActive());
        }
        list.sort(AlarmSnapshot.BANNER_ORDER);
        return new AlarmSnapshot(now, list, pausedUntil, disabled);
    }

    private void clear(Condition c, Instant now) {
        c.onScreen = false;
        onScreen.remove(c);
        emit(c, AlarmEventType.CLEARED, now, null);
        c.acknowledged = false;
        c.escalated = false;
        c.pauseSilenced = false;
    }

    private void emit(Condition c, AlarmEventType type, Instant now, String user) {
        emit(c, type, now, user, c.message);
    }

    private void emit(Condition c, AlarmEventType type, Instant now, String user, String message) {
        version++;
        AlarmEvent e = new AlarmEvent(now, type, c.id, c.alarmPriority, c.kind, c.parameter, c.value, c.limit,
                message, user);
        if (buffering) {
            buffer.add(e);
        } else {
            listener.onAlarmEvent(e);
        }
    }
}
