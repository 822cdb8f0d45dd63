package org.vigil.domain;

import java.util.Optional;

/**
 * The vital signs the station understands. The {@link #key()} is the lower-case name used in
 * configuration files, scenario files, CSV output and the alarm log ({@code hr}, {@code nibp_sys}).
 */
public enum Vital {
    /** Heart rate from the ECG, beats/min. */
    HR("hr", "HR", Unit.PER_MIN, 0),
    /** Pulse rate from the oximeter (plethysmogram), beats/min. */
    PR("pr", "PR", Unit.PER_MIN, 0),
    /** Functional oxygen saturation, %. */
    SPO2("spo2", "SpO2", Unit.PERCENT, 0),
    /** Perfusion index, %. */
    PI("pi", "PI", Unit.PERCENT, 2),
    /** Respiration rate, breaths/min. */
    RR("rr", "RR", Unit.PER_MIN, 0),
    /** Non-invasive blood pressure, systolic, mmHg. */
    NIBP_SYS("nibp_sys", "NIBP sys", Unit.MMHG, 0),
    /** Non-invasive blood pressure, diastolic, mmHg. */
    NIBP_DIA("nibp_dia", "NIBP dia", Unit.MMHG, 0),
    /** Non-invasive blood pressure, mean arterial, mmHg. */
    NIBP_MEAN("nibp_mean", "NIBP mean", Unit.MMHG, 0);

    private final String key;
    private final String label;
    private final Unit unit;
    private final int decimals;

    Vital(String key, String label, Unit unit, int decimals) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.decimals = decimals;
    }

    /**
     * The resolution devices report this vital in, as decimal places: 0 for the whole numbers of
     * HR, PR, SpO2, RR and NIBP; 2 for PI. A value between two steps never arrives.
     */
    public int decimals() {
        return decimals;
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
