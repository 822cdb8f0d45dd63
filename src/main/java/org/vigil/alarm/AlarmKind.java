package org.vigil.alarm;

/** Physiological (the patient) or technical (the equipment) alarm condition. */
public enum AlarmKind {
    PHYSIOLOGICAL,
    TECHNICAL
}
