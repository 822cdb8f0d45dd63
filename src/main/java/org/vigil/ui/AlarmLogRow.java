package org.vigil.ui;

import org.vigil.alarm.Priority;

/** One line of the alarm log table, as text (priority kept for the badge colour). */
record AlarmLogRow(String time, String event, String alarmId, Priority priority, String priorityText,
        String parameter, String value, String limit, String user, String detail) {
}
