package org.vigil.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * One silencing or alarm-system state record for the persisted log.
 *
 * @param time    when it happened (the engine's clock)
 * @param type    what happened
 * @param alarmId the alarm switched off or on; null otherwise
 * @param until   for {@link SilencingEventType#AUDIO_PAUSED}: when the pause expires; else null
 * @param user    who did it; null when the system did (a pause that expired)
 * @param detail  free text, e.g. the new baseline ({@code "124/78, hr 72"}) or {@code "expired"}; may be null
 */
public record SilencingEvent(Instant time, SilencingEventType type, String alarmId, Instant until, String user,
        String detail) {

    public SilencingEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
    }
}
