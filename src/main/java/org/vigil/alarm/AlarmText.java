package org.vigil.alarm;

/** Screen texts of alarms ({@code "SpO2 86 < 90"}, {@code "SpO2 device: no data"}). */
final class AlarmText {

    private AlarmText() {
    }

    /** {@code "<label> <value> <op> <limit>"}, with the baseline rise noted for baseline rules. */
    static String physiological(LimitRule rule, double value, double limit) {
        String op;
        if (rule.direction() == Direction.LOW) {
            op = rule.inclusive() ? " \u2264 " : " < ";
        } else {
            op = rule.inclusive() ? " \u2265 " : " > ";
        }
        String s = rule.vital().label() + ' ' + AlarmLogFormat.number(value) + op + AlarmLogFormat.number(limit);
        if (rule.reference() == LimitReference.BASELINE) {
            String sign = rule.direction() == Direction.HIGH ? "+" : "\u2212";
            s += " (baseline " + sign + AlarmLogFormat.number(rule.threshold()) + ')';
        }
        return s;
    }

    /** {@code "<source>: <type text>"}, plus {@code " (detail)"} when a detail is given. */
    static String technical(String source, TechnicalAlarmType type, String detail) {
        String s = source + ": " + type.text();
        if (detail != null && !detail.isBlank()) {
            s += " (" + detail.strip() + ')';
        }
        return s;
    }
}
