package org.vigil.domain;

/**
 * What a user at the station is allowed to do (clinical.md, "Privacy"; the core's authorizer
 * decides per command, the screens only hide what a role cannot use).
 *
 * <ul>
 *   <li>{@link #NURSE} runs sessions, acknowledges, pauses audio, enters events and notes;</li>
 *   <li>{@link #ADMIN} (charge nurse) changes clinic default limits, latching, alarm-off and users;</li>
 *   <li>{@link #PRESCRIBER} confirms the start gate and signs;</li>
 *   <li>{@link #AUDITOR} reads the audit trail;</li>
 *   <li>{@link #SYSTEM} is the station itself (recovery after a crash, automatic discharge
 *       records); never a person, never logged in.</li>
 * </ul>
 */
public enum Role {
    NURSE, ADMIN, PRESCRIBER, AUDITOR, SYSTEM;

    /** The word shown on screen and written to logs and exports. */
    public String label() {
        return switch (this) {
            case NURSE -> "nurse";
            case ADMIN -> "charge nurse / admin";
            case PRESCRIBER -> "prescriber";
            case AUDITOR -> "auditor";
            case SYSTEM -> "station";
        };
    }
}
