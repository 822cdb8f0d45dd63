package org.vigil.device.protocol.masimo;

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
 * line must carry at least one of SPO2, BPM/PR, PI or EXC. Missing or dashed fields give
 * {@link Measurement#absent}; so does SpO2 above 100 %, and, in the trend-dump form (key
 * {@code PR} or an {@code EXC=hhh:Text} field), a zero value, which that form uses for "no value".
 * <p>
 * Each numeric field must have the device's exact shape, because a line that lost a byte or was
 * cut short must never yield a shorter number ({@code SPO2=09} from {@code SPO2=098%}):
 * <ul>
 *   <li>{@code SPO2}: three digits and {@code %} ({@code 098%}); in the trend-dump form three
 *       digits without {@code %} ({@code 097});</li>
 *   <li>{@code BPM} / {@code PR}: three digits ({@code 064});</li>
 *   <li>{@code PI}: two digits, a point and two digits, {@code %} optional ({@code 03.60%}, and
 *       {@code 00.55} as the Radical-7 sends it).</li>
 * </ul>
 * A field of any other shape makes the whole line corrupt: it is discarded and counted, like any
 * other corrupt line. A byte lost in one field cannot be told from damage elsewhere in the line,
 * so no value of such a line is trusted (a lost line costs one second; a wrong value can raise or
 * silence an alarm).
 */
final class MasimoLineParser {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern DASHES = Pattern.compile("-+(\\.-*)?");
    private static final Pattern THREE_DIGITS = Pattern.compile("\\d{3}");
    private static final Pattern PI_SHAPE = Pattern.compile("\\d{2}\\.\\d{2}");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1,8}");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,16}");

    /** The exact shape a numeric field must have. */
    private enum Shape {
        SPO2, SPO2_TREND, RATE, PI
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
        Measurement spo2 = measurement(Vital.SPO2, fields.get("SPO2"), trend ? Shape.SPO2_TREND : Shape.SPO2, trend, flags);
        Measurement rate = measurement(Vital.PR, pr, Shape.RATE, trend, flags);
        Measurement pi = measurement(Vital.PI, fields.get("PI"), Shape.PI, trend, flags);
        if (spo2 == null || rate == null || pi == null) {
            return Optional.empty();
        }
        List<Measurement> measurements = List.of(spo2, rate, pi);
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

    /**
     * Reads a numeric field of the given shape: missing or dashes → absent; a value of any other
     * shape → null (the line is corrupt), never a shorter number.
     */
    private static Measurement measurement(Vital vital, String text, Shape shape, boolean trend, Set<ReadingFlag> flags) {
        if (text == null) {
            return Measurement.absent(vital, flags);
        }
        boolean percent = text.endsWith("%");
        String v = percent ? text.substring(0, text.length() - 1) : text;
        if (DASHES.matcher(v).matches()) {
            return Measurement.absent(vital, flags);
        }
        boolean shaped = switch (shape) {
            case SPO2 -> percent && THREE_DIGITS.matcher(v).matches();
            case SPO2_TREND -> !percent && THREE_DIGITS.matcher(v).matches();
            case RATE -> !percent && THREE_DIGITS.matcher(v).matches();
            case PI -> PI_SHAPE.matcher(v).matches();
        };
        if (!shaped) {
            return null;
        }
        double value = Double.parseDouble(v);
        if (vital == Vital.SPO2 && value > 100 || trend && value == 0) {
            return Measurement.absent(vital, flags);
        }
        return new Measurement(vital, value, flags);
    }
}
