package org.vigil.access;

/**
 * Every command of the station that changes something, or reads what only some roles may read.
 * The {@link Authorizer} decides per {@link org.vigil.domain.Role} and command; the chair, the
 * station's admin functions and the accounts refuse what it refuses (the screens only hide it).
 */
public enum Command {
    // alarms: anyone at the bedside, logged in or not
    ACKNOWLEDGE("acknowledge alarms"),
    PAUSE_AUDIO("pause alarm audio"),
    // the clinical session
    CHECK_IN("check a patient in"),
    SET_BASELINE("set the baseline"),
    START_INFUSION("start the infusion"),
    CONFIRM_START("confirm the start gate"),
    PAUSE_INFUSION("pause the infusion"),
    RESUME_INFUSION("resume the infusion"),
    CHANGE_RATE("change the infusion rate"),
    STOP_INFUSION("stop the infusion"),
    CLINICAL_EVENT("enter a clinical event"),
    NOTE("write a note"),
    SCORE("enter scores"),
    CORRECT("correct an entry"),
    DISCHARGE("discharge and sign"),
    // alarm settings
    CHANGE_LIMIT("change a chair's alarm limit"),
    ALARM_OFF_ON("switch an alarm off or on"),
    CLINIC_DEFAULTS("change the clinic default limits and latching"),
    // station
    MANAGE_USERS("manage users"),
    REVIEW_BREAK_GLASS("review emergency access"),
    READ_AUDIT_TRAIL("read the audit trail");

    private final String words;

    Command(String words) {
        this.words = words;
    }

    /** What the command does, in the words a refusal uses ("may not change the infusion rate"). */
    public String words() {
        return words;
    }
}
