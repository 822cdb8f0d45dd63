package org.vigil.device.protocol.ges5;

/**
 * The special values an S/5 sends instead of a measurement (any i16 value field at or below
 * -32001), with the reason the station records as the attribute {@code <vital>_no_value}.
 */
enum NoValue {
    /** -32767 {@code DATA_INVALID}. */
    INVALID(-32767, "invalid"),
    /** -32766 {@code DATA_NOT_UPDATED}. */
    NOT_UPDATED(-32766, "not_updated"),
    /** -32765 {@code DATA_DISCONT}: the measurement was discontinued. */
    DISCONTINUED(-32765, "discontinued"),
    /** -32764 {@code DATA_UNDER_RANGE}: below the measurement range. */
    UNDER_RANGE(-32764, "under_range"),
    /** -32763 {@code DATA_OVER_RANGE}: above the measurement range. */
    OVER_RANGE(-32763, "over_range"),
    /** -32762 {@code DATA_NOT_CALIBRATED}. */
    NOT_CALIBRATED(-32762, "not_calibrated");

    private final int code;
    private final String reason;

    NoValue(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /** True when {@code raw} is a special value rather than a measurement. */
    static boolean isSpecial(int raw) {
        return raw <= Dri.SPECIAL_LIMIT;
    }

    /** The reason for a special value: a name above, or {@code special_<raw>} for one the spec does not name. */
    static String reason(int raw) {
        for (NoValue v : values()) {
            if (v.code == raw) {
                return v.reason;
            }
        }
        return "special_" + raw;
    }
}
