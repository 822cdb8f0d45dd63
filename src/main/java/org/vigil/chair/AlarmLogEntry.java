package org.vigil.chair;

import java.time.Instant;
import java.util.Objects;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.Priority;

/**
 * One row of a chair's on-screen alarm log: an alarm event ({@code raised}, {@code acknowledged},
 * {@code escalated}, {@code ended}, {@code cleared}), a silencing or state record
 * ({@code audio_paused}, {@code audio_pause_ended}, {@code alarm_off}, {@code alarm_on},
 * {@code config_changed}, {@code baseline_set}) or a limit change ({@value #LIMIT_CHANGED}).
 *
 * @param time      when it happened (the station clock)
 * @param event     what happened, as the log's event key (see above)
 * @param alarmId   the alarm concerned; null for records about the whole chair (audio pause, baseline)
 * @param priority  the alarm's priority at that moment; null when there is none
 * @param parameter the vital key ({@code spo2}) or device id of the alarm; null when none
 * @param value     the value that raised the alarm; null for technical alarms and state records
 * @param limit     the limit in force for an alarm event, the new threshold for a limit change; else null
 * @param user      who did it; null when the system did
 * @param until     for {@code audio_paused}: when the pause ends; else null
 * @param detail    free text: {@code "90 → 92"} for a limit change, the baseline, {@code "expired"},
 *                  the on-screen message of an alarm event; never null
 */
public record AlarmLogEntry(
        Instant time,
        String event,
        String alarmId,
        Priority priority,
        String parameter,
        Double value,
        Double limit,
        String user,
        Instant until,
        String detail) {

    /** Event key of a threshold change. */
    public static final String LIMIT_CHANGED = "limit_changed";

    public AlarmLogEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        detail = detail == null ? "" : detail;
    }

    /** The log row of an alarm event; its detail is the on-screen message. */
    public static AlarmLogEntry of(AlarmEvent e) {
        return new AlarmLogEntry(e.time(), e.type().key(), e.alarmId(), e.priority(), e.parameter(), e.value(),
                e.limit(), e.user(), null, e.message());
    }
}
