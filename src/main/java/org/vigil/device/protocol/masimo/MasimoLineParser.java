package org.vigil.device.protocol.masimo;

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
 * Parses the text of one Masimo line (clock first, terminator removed) into a frame, or nothing
 * when the line is corrupt.
 * <p>
 * Rules: after the clock come space-separated {@code KEY=value} tokens (keys case-insensitive,
 * unknown keys ignored, each key at most once, {@code BPM} and {@code PR} are the same field). The
 * line must carry at least one of SPO2, BPM/PR, PI or EXC. A known field whose value is neither a
 * number of the field's shape nor dashes makes the whole line corrupt. Missing or dashed fields
 * give {@link Measurement#absent}; so does SpO2 above 100 %, and, in the trend-dump form (key
 * {@code PR} or an {@code EXC=hhh:Text} field), a zero value, which that form uses for "no value".
 */
final class MasimoLineParser {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern DASHES = Pattern.compile("-+(\\.-*)?");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,3}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3})?");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1,8}");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,16}");

    /** Outcome of reading one numeric field: {@code NaN} value means absent. */
    private record Field(boolean ok, double value) {
        static final Field CORRUPT = new Field(false, Double.NaN);
        static final Field ABSENT = new Field(true, Double.NaN);
    }

    Optional<DeviceFrame> parse(String line) {
        if (line.length() <= LineBytes.LENGTH + 1 || line.charAt(LineBytes.LENGTH) != ' ') {
            return Optional.empty();
        }
        Map<String, String> fields = fields(line.substring(LineBytes.LENGTH + 1));
        if (fields == null) {
            return Optional.empty();
        }
        boolean bothRates = fields.containsKey("PR") && fields.containsKey("BPM");
        String pr = fields.containsKey("PR") ? fields.get("PR") : fields.get("BPM");
        boolean noOximetryField = pr == null && !fields.containsKey("SPO2") && !fields.containsKey("PI")
                && !fields.containsKey("EXC");
        if (bothRates || noOximetryField) {
            return Optional.empty();
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("device_time", line.substring(0, LineBytes.LENGTH));
        EnumSet<ReadingFlag> flags = MasimoCodes.none();
        if (!readCodes(fields, attributes, flags) || !readSerial(fields.get("SN"), attributes)) {
            return Optional.empty();
        }
        boolean trend = fields.containsKey("PR") || attributes.containsKey("exc_text");
        Field spo2 = number(fields.get("SPO2"), true, false);
        Field rate = number(pr, false, false);
        Field pi = number(fields.get("PI"), true, true);
        if (!spo2.ok() || !rate.ok() || !pi.ok()) {
            return Optional.empty();
        }
        List<Measurement> measurements = new ArrayList<>(3);
        measurements.add(measurement(Vital.SPO2, spo2.value() > 100 ? Double.NaN : spo2.value(), trend, flags));
        measurements.add(measurement(Vital.PR, rate.value(), trend, flags));
        measurements.add(measurement(Vital.PI, pi.value(), trend, flags));
        return Optional.of(new DeviceFrame(measurements, flags, attributes));
    }

    /** The {@code KEY=value} tokens by upper-case key, or null when a token is malformed or repeated. */
    private static Map<String, String> fields(String rest) {
        Map<String, String> fields = new HashMap<>();
        for (String token : rest.split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq <= 0 || !KEY.matcher(token.substring(0, eq)).matches()) {
                return null;
            }
            String key = token.substring(0, eq).toUpperCase(Locale.ROOT);
            if (fields.put(key, token.substring(eq + 1)) != null) {
                return null;
            }
        }
        return fields;
    }

    /** Reads ALARM, EXC and EXC1 into attributes and flags; false when one is corrupt. */
    private static boolean readCodes(Map<String, String> fields, Map<String, String> attributes, Set<ReadingFlag> flags) {
        String alarm = fields.get("ALARM");
        if (alarm != null) {
            if (HEX.matcher(alarm).matches()) {
                MasimoCodes.addAlarmFlags(Long.parseLong(alarm, 16), flags);
            } else if (!DASHES.matcher(alarm).matches()) {
                return false;
            }
            attributes.put("alarm", alarm);
        }
        String exc = fields.get("EXC");
        if (exc != null) {
            int colon = exc.indexOf(':');
            String hex = colon < 0 ? exc : exc.substring(0, colon);
            if (HEX.matcher(hex).matches()) {
                MasimoCodes.addExceptionFlags(Long.parseLong(hex, 16), flags);
            } else if (!DASHES.matcher(hex).matches()) {
                return false;
            }
            attributes.put("exc", hex);
            if (colon >= 0 && colon < exc.length() - 1) {
                attributes.put("exc_text", exc.substring(colon + 1));
            }
        }
        String exc1 = fields.get("EXC1");
        if (exc1 != null) {
            if (!HEX.matcher(exc1).matches() && !DASHES.matcher(exc1).matches()) {
                return false;
            }
            attributes.put("exc1", exc1);
        }
        return true;
    }

    private static boolean readSerial(String sn, Map<String, String> attributes) {
        if (sn == null || DASHES.matcher(sn).matches()) {
            return true;
        }
        if (!SERIAL.matcher(sn).matches()) {
            return false;
        }
        attributes.put("serial", sn);
        return true;
    }

    /** Reads a numeric field: missing or dashes → absent; {@code %} suffix allowed when asked. */
    private static Field number(String text, boolean percent, boolean decimal) {
        if (text == null) {
            return Field.ABSENT;
        }
        String v = percent && text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
        if (DASHES.matcher(v).matches()) {
            return Field.ABSENT;
        }
        if ((decimal ? DECIMAL : INTEGER).matcher(v).matches()) {
            return new Field(true, Double.parseDouble(v));
        }
        return Field.CORRUPT;
    }

    private static Measurement measurement(Vital vital, double value, boolean trend, Set<ReadingFlag> flags) {
        if (Double.isNaN(value) || trend && value == 0) {
            return Measurement.absent(vital, flags);
        }
        return new Measurement(vital, value, flags);
    }
}
