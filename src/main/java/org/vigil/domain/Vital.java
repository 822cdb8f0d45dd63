package org.vigil.domain;

import java.util.Optional;

/**
 * The vital signs the station understands. The {@link #key()} is the lower-case name used in
 * configuration files, scenario files, CSV output and the alarm log ({@code hr}, {@code nibp_sys}).
 */
public enum Vital {
    /** Heart rate from the ECG, beats/min. */
    HR("hr", "HR", Unit.PER_MIN),
    /** Pulse rate from the oximeter (plethysmogram), beats/min. */
    PR("pr", "PR", Unit.PER_MIN),
    /** Functional oxygen saturation, %. */
    SPO2("spo2", "SpO2", Unit.PERCENT),
    /** Perfusion index, %. */
    PI("pi", "PI", Unit.PERCENT),
    /** Respiration rate, breaths/min. */
    RR("rr", "RR", Unit.PER_MIN),
    /** Non-invasive blood pressure, systolic, mmHg. */
    NIBP_SYS("nibp_sys", "NIBP sys", Unit.MMHG),
    /** Non-invasive blood pressure, diastolic, mmHg. */
    NIBP_DIA("nibp_dia", "NIBP dia", Unit.MMHG),
    /** Non-invasive blood pressure, mean arterial, mmHg. */
    NIBP_MEAN("nibp_mean", "NIBP mean", Unit.MMHG);

    private final String key;
    private final String label;
    private final Unit unit;

    Vital(String key, String label, Unit unit) {
        this.key = key;
        this.label = label;
        this.unit = unit;
    }

    public String key() {
        return key;
    }

    /** Short human label as printed on screen, e.g. {@code SpO2}. */
    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    /** True for the three NIBP components, which arrive once per cuff measurement. */
    public boolean isNibp() {
        return this == NIBP_SYS || this == NIBP_DIA || this == NIBP_MEAN;
    }

    /** Looks a vital up by its {@link #key()}, case-insensitively. */
    public static Optional<Vital> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (Vital v : values()) {
            if (v.key.equalsIgnoreCase(key.trim())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
