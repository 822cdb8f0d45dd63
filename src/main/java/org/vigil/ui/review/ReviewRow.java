package org.vigil.ui.review;

import org.vigil.alarm.Priority;

/**
 * One line of the list beside the review chart: an alarm or a session event (note, clinical
 * event, infusion, phase, score, correction) at {@code time} (epoch ms).
 *
 * @param priority the alarm's priority; null for an event
 */
public record ReviewRow(long time, String clock, String kind, String text, Priority priority) {

    public boolean isAlarm() {
        return priority != null;
    }
}
