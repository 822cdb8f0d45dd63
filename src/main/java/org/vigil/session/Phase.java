package org.vigil.session;

import java.util.Locale;

/** The phases of a clinical session, in order. */
public enum Phase {
    /** Checked in; the baseline is being taken; the infusion has not started. */
    BASELINE,
    /** The infusion runs (or is paused). */
    INFUSION,
    /** The infusion stopped; the patient recovers. */
    RECOVERY,
    /** Every discharge criterion is met; waiting for the nurse to discharge. */
    READY_FOR_DISCHARGE,
    /** Discharged and signed; the chair is free. */
    DISCHARGED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a nurse reads it: "Ready for discharge". */
    public String label() {
        String s = key().replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static Phase fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }
}
