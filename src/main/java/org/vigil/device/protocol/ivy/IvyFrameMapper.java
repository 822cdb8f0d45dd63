package org.vigil.device.protocol.ivy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * Turns the text part of one ANSAR-B message (its CR-terminated parameter lines) into a
 * {@link DeviceFrame}.
 *
 * <ul>
 *   <li>{@code HR} → {@link Vital#HR}; {@code RR} → {@link Vital#RR};</li>
 *   <li>{@code SPO2} → {@link Vital#SPO2}, and {@link Vital#PR} from its label {@code PR=nn};</li>
 *   <li>{@code NIBP} (sys;dia;mean;pulse) → {@link Vital#NIBP_SYS}, {@link Vital#NIBP_DIA},
 *       {@link Vital#NIBP_MEAN}, and the attribute {@code nibp_pulse}.</li>
 * </ul>
 * A vital is emitted only when its line is in the message; an empty or non-numeric field gives
 * {@link Measurement#absent}. The label of each known line ({@code HR RR ETCO2 SPO2 NIBP P1 P2
 * T1 T2}) is kept, trimmed, as attribute {@code <name>_label} when not empty. Unknown lines are
 * ignored; when a name repeats, its first line counts.
 *
 * <p><b>Station convention:</b> the text the real monitor shows while the cuff is up is not
 * public. A NIBP label containing {@code INFLAT} or {@code MEASUR} (any case) marks the three NIBP
 * measurements, and the frame, {@link ReadingFlag#CUFF_INFLATING}; the station's simulator sends
 * the label {@code INFLATING}.
 */
final class IvyFrameMapper {

    private static final Set<String> KNOWN_LINES = Set.of("HR", "RR", "ETCO2", "SPO2", "NIBP", "P1", "P2", "T1", "T2");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,6}(?:\\.\\d{1,4})?");
    private static final Pattern PULSE_IN_LABEL = Pattern.compile("PR\\s*=\\s*(\\d{1,3}(?:\\.\\d{1,2})?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CUFF_BUSY = Pattern.compile("INFLAT|MEASUR", Pattern.CASE_INSENSITIVE);

    private IvyFrameMapper() {
    }

    /** The frame for {@code text}; empty when a non-blank line lacks the {@code NAME=<n>;} form. */
    static Optional<DeviceFrame> toFrame(String text) {
        List<Measurement> measurements = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Set<ReadingFlag> frameFlags = EnumSet.noneOf(ReadingFlag.class);
        Set<String> seen = new HashSet<>();
        for (String raw : text.split("[\r\n]")) {
            if (raw.isBlank()) {
                continue;
            }
            Optional<ParameterLine> parsed = ParameterLine.parse(raw);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            ParameterLine line = parsed.get();
            String name = line.name().toUpperCase(Locale.ROOT);
            if (!KNOWN_LINES.contains(name) || !seen.add(name)) {
                continue;
            }
            String label = line.label().trim();
            if (!label.isEmpty()) {
                attributes.put(name.toLowerCase(Locale.ROOT) + "_label", label);
            }
            switch (name) {
                case "HR" -> measurements.add(measurement(Vital.HR, line.value(0), Set.of()));
                case "RR" -> measurements.add(measurement(Vital.RR, line.value(0), Set.of()));
                case "SPO2" -> {
                    measurements.add(measurement(Vital.SPO2, line.value(0), Set.of()));
                    Matcher pr = PULSE_IN_LABEL.matcher(line.label());
                    measurements.add(measurement(Vital.PR, pr.find() ? pr.group(1) : "", Set.of()));
                }
                case "NIBP" -> {
                    Set<ReadingFlag> flags = CUFF_BUSY.matcher(line.label()).find()
                            ? EnumSet.of(ReadingFlag.CUFF_INFLATING) : Set.of();
                    frameFlags.addAll(flags);
                    measurements.add(measurement(Vital.NIBP_SYS, line.value(0), flags));
                    measurements.add(measurement(Vital.NIBP_DIA, line.value(1), flags));
                    measurements.add(measurement(Vital.NIBP_MEAN, line.value(2), flags));
                    if (NUMBER.matcher(line.value(3)).matches()) {
                        attributes.put("nibp_pulse", line.value(3));
                    }
                }
                default -> {
                    // a known parameter the station does not measure (ETCO2, P1, P2, T1, T2): label only
                }
            }
        }
        return Optional.of(new DeviceFrame(measurements, frameFlags, attributes));
    }

    private static Measurement measurement(Vital vital, String field, Set<ReadingFlag> flags) {
        if (!NUMBER.matcher(field).matches()) {
            return Measurement.absent(vital, flags);
        }
        return new Measurement(vital, Double.parseDouble(field), flags);
    }
}
