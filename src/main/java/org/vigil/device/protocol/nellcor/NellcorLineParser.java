package org.vigil.device.protocol.nellcor;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * Parses one data line {@code dd-MMM-yy HH:mm:ss SpO2 BPM PA [codes]} (layout in
 * {@link NellcorDecoder}) into SPO2 and PR measurements, {@code device_time},
 * {@code pulse_amplitude} and {@code status}.
 *
 * <table>
 *   <caption>Status codes (N-595 real-time output)</caption>
 *   <tr><th>code</th><th>meaning</th><th>flag</th><th>on</th></tr>
 *   <tr><td>SD</td><td>sensor disconnect</td><td>{@link ReadingFlag#NO_SENSOR}</td><td>both</td></tr>
 *   <tr><td>SO</td><td>sensor off</td><td>{@link ReadingFlag#SENSOR_OFF}</td><td>both</td></tr>
 *   <tr><td>PS</td><td>pulse search</td><td>{@link ReadingFlag#PULSE_SEARCH}</td><td>both</td></tr>
 *   <tr><td>LP</td><td>loss of pulse</td><td>{@link ReadingFlag#PULSE_SEARCH}</td><td>both</td></tr>
 *   <tr><td>LM</td><td>loss of pulse with interference</td><td>{@link ReadingFlag#PULSE_SEARCH},
 *       {@link ReadingFlag#INTERFERENCE}</td><td>both</td></tr>
 *   <tr><td>MO</td><td>interference (motion) detected</td><td>{@link ReadingFlag#INTERFERENCE}</td><td>both</td></tr>
 *   <tr><td>AS, AO</td><td>alarm silenced, alarm off</td><td>{@link ReadingFlag#DEVICE_ALARM_SILENCED}</td><td>both</td></tr>
 *   <tr><td>SH, SL</td><td>saturation high / low limit alarm</td><td>{@link ReadingFlag#DEVICE_ALARM}</td><td>SpO2</td></tr>
 *   <tr><td>PH, PL</td><td>pulse rate high / low limit alarm</td><td>{@link ReadingFlag#DEVICE_ALARM}</td><td>PR</td></tr>
 *   <tr><td>LB and any other</td><td>low battery, …</td><td>none (kept in {@code status})</td><td></td></tr>
 * </table>
 * A {@code *} after SpO2 or BPM flags that measurement {@link ReadingFlag#DEVICE_ALARM}. The frame's
 * flags are the union of its measurements' flags. A line is rejected (empty result) when the stamp
 * is no date, a value is neither 1-3 digits nor dashes, fewer than three values follow the stamp,
 * or a status field is not two capital letters.
 */
final class NellcorLineParser {

    private static final String[] MONTHS = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    };

    /** {@code device_time} as ISO-8601 local date-time, seconds always written. */
    private static final DateTimeFormatter DEVICE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("[ \t]+");
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");
    private static final Pattern DASHES = Pattern.compile("-{1,3}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");

    private NellcorLineParser() {
    }

    /** The frame of a data line that starts with its stamp, or empty when the line is malformed. */
    static Optional<DeviceFrame> parse(String line) {
        Optional<LocalDateTime> time = stamp(line);
        if (time.isEmpty() || line.length() == NellcorLines.STAMP_LENGTH
                || !Character.isWhitespace(line.charAt(NellcorLines.STAMP_LENGTH))) {
            return Optional.empty();
        }
        String[] fields = FIELD_SEPARATOR.split(line.substring(NellcorLines.STAMP_LENGTH).trim());
        if (fields.length < 3) {
            return Optional.empty();
        }
        Value spo2 = Value.of(fields[0]);
        Value pr = Value.of(fields[1]);
        Value pa = Value.of(fields[2]);
        if (spo2 == null || pr == null || pa == null) {
            return Optional.empty();
        }
        Set<ReadingFlag> common = EnumSet.noneOf(ReadingFlag.class);
        Set<ReadingFlag> spo2Flags = EnumSet.noneOf(ReadingFlag.class);
        Set<ReadingFlag> prFlags = EnumSet.noneOf(ReadingFlag.class);
        List<String> codes = new ArrayList<>();
        for (int i = 3; i < fields.length; i++) {
            String code = fields[i];
            if (!CODE.matcher(code).matches()) {
                return Optional.empty();
            }
            codes.add(code);
            switch (code) {
                case "SD" -> common.add(ReadingFlag.NO_SENSOR);
                case "SO" -> common.add(ReadingFlag.SENSOR_OFF);
                case "PS", "LP" -> common.add(ReadingFlag.PULSE_SEARCH);
                case "LM" -> {
                    common.add(ReadingFlag.PULSE_SEARCH);
                    common.add(ReadingFlag.INTERFERENCE);
                }
                case "MO" -> common.add(ReadingFlag.INTERFERENCE);
                case "AS", "AO" -> common.add(ReadingFlag.DEVICE_ALARM_SILENCED);
                case "SH", "SL" -> spo2Flags.add(ReadingFlag.DEVICE_ALARM);
                case "PH", "PL" -> prFlags.add(ReadingFlag.DEVICE_ALARM);
                default -> {
                    // LB (low battery) and codes of other models: kept in the status attribute only
                }
            }
        }
        if (spo2.limitAlarm()) {
            spo2Flags.add(ReadingFlag.DEVICE_ALARM);
        }
        if (pr.limitAlarm()) {
            prFlags.add(ReadingFlag.DEVICE_ALARM);
        }
        spo2Flags.addAll(common);
        prFlags.addAll(common);
        Set<ReadingFlag> frameFlags = EnumSet.copyOf(common);
        frameFlags.addAll(spo2Flags);
        frameFlags.addAll(prFlags);

        Map<String, String> attributes = new HashMap<>();
        attributes.put("device_time", DEVICE_TIME.format(time.get()));
        if (pa.present()) {
            attributes.put("pulse_amplitude", Integer.toString(pa.value()));
        }
        if (!codes.isEmpty()) {
            attributes.put("status", String.join(" ", codes));
        }
        List<Measurement> measurements = List.of(spo2.measurement(Vital.SPO2, spo2Flags), pr.measurement(Vital.PR, prFlags));
        return Optional.of(new DeviceFrame(measurements, frameFlags, attributes));
    }

    /** The stamp {@code dd-MMM-yy HH:mm:ss} at the start of {@code line} (years 2000-2099), or empty when it is no date. */
    private static Optional<LocalDateTime> stamp(String line) {
        if (line.length() < NellcorLines.STAMP_LENGTH) {
            return Optional.empty();
        }
        String month = line.substring(3, 6).toUpperCase(Locale.ROOT);
        for (int m = 0; m < MONTHS.length; m++) {
            if (MONTHS[m].equals(month)) {
                try {
                    LocalDate date = LocalDate.of(2000 + digits(line, 7), m + 1, digits(line, 0));
                    LocalTime time = LocalTime.of(digits(line, 10), digits(line, 13), digits(line, 16));
                    return Optional.of(LocalDateTime.of(date, time));
                } catch (DateTimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static int digits(String s, int at) {
        return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    }

    /** One value field: digits (or dashes for none) and whether {@code *} followed. */
    private record Value(int value, boolean present, boolean limitAlarm) {

        /** The field's value, or null when it is neither 1-3 digits nor dashes, with an optional {@code *}. */
        static Value of(String field) {
            boolean star = field.endsWith("*");
            String body = star ? field.substring(0, field.length() - 1) : field;
            if (DASHES.matcher(body).matches()) {
                return new Value(0, false, star);
            }
            if (DIGITS.matcher(body).matches()) {
                return new Value(Integer.parseInt(body), true, star);
            }
            return null;
        }

        Measurement measurement(Vital vital, Set<ReadingFlag> flags) {
            return present ? new Measurement(vital, value, flags) : Measurement.absent(vital, flags);
        }
    }
}
