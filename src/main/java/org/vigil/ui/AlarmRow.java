package org.vigil.ui;

import org.vigil.alarm.Priority;

/**
 * One line of the alarm list.
 *
 * @param id        alarm id
 * @param priority  the alarm's priority; null for an alarm switched off
 * @param priorityText HIGH, MED, LOW or OFF
 * @param message   screen message
 * @param activeFor the alarm's age, how long since it was raised: {@code "raised 03:12 ago"}; empty for OFF rows
 * @param marks     state marks: ACK (acknowledged), LATCHED (condition ended, awaiting acknowledgement),
 *                  ESCALATED; empty for OFF rows
 * @param raisedClock the clock time of the raise, for the hover text ({@code "raised at 14:02:31"}); empty for OFF rows
 */
record AlarmRow(String id, Priority priority, String priorityText, String message, String activeFor, String marks,
        String raisedClock) {
}
