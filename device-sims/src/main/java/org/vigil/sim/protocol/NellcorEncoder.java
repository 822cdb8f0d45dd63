package org.vigil.sim.protocol;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigil.domain.Vital;

/**
 * Writes the real-time ASCII output of a Nellcor N-595, line for line as the monitor prints it
 * (layout in the station's {@code NellcorDecoder}):
 * <pre>
 * N-595 VERSION 1.61.00 CRC:XXXX SpO2 Limit: 90-100% PR Limit: 50-120BPM
 *   ADULT 0SAT-S SPO2 RESP MODE: NORMAL
 *
 * TIME                 %SPO2   BPM     PA      Status
 * 07-Jan-04 11:24:54   100     101     104    MO             AO
 * </pre>
 * The three header lines come before the first data line and again every
 * {@value #HEADER_EVERY} lines. SpO2 and pulse rate are rounded; a vital without a value, or
 * outside 0..999, is {@code ---}. The pulse amplitude is {@value #PULSE_AMPLITUDE} while there is
 * a pulse rate, else {@code ---}. {@link DeviceOutput#sensorOff()}: dashes and the status code
 * {@code SO}. Status codes and the limit star come from {@link #encode(DeviceOutput, List, Set)}.
 * Keeps a line count (for the headers): one instance per simulated monitor, not thread-safe.
 */
public final class NellcorEncoder implements FrameEncoder {

    static final int HEADER_EVERY = 30;
    static final int PULSE_AMPLITUDE = 60;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd-MMM-yy HH:mm:ss", Locale.ENGLISH);
    private static final String HEADER = "N-595 VERSION 1.61.00 CRC:XXXX SpO2 Limit: 90-100% PR Limit: 50-120BPM\r\n"
            + "  ADULT 0SAT-S SPO2 RESP MODE: NORMAL\r\n"
            + "\r\n"
            + "TIME                 %SPO2   BPM     PA      Status\r\n";

    private long lines;

    /** Creates an encoder whose next line is preceded by the header. */
    public NellcorEncoder() {
        // the first line brings the header
    }

    @Override
    public byte[] encode(DeviceOutput output) {
        return encode(output, List.of(), Set.of());
    }

    /**
     * The next line with these status codes (two capital letters each, e.g. {@code MO}, {@code AS})
     * and a {@code *} after the values of {@code overLimit} (SpO2, PR).
     */
    public byte[] encode(DeviceOutput output, List<String> statusCodes, Set<Vital> overLimit) {
        List<String> codes = new ArrayList<>(statusCodes);
        boolean off = output.sensorOff();
        if (off && !codes.contains("SO")) {
            codes.add(0, "SO");
        }
        for (String code : codes) {
            if (!code.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("a status code is two capital letters, not '" + code + "'");
            }
        }
        double spo2 = off ? Double.NaN : output.value(Vital.SPO2);
        double pr = off ? Double.NaN : output.value(Vital.PR);
        StringBuilder sb = new StringBuilder(160);
        if (lines++ % HEADER_EVERY == 0) {
            sb.append(HEADER);
        }
        sb.append(STAMP.format(output.deviceClock()));
        sb.append(String.format(Locale.ROOT, "%6s", value(spo2, overLimit.contains(Vital.SPO2))));
        sb.append(String.format(Locale.ROOT, "%8s", value(pr, overLimit.contains(Vital.PR))));
        sb.append(String.format(Locale.ROOT, "%8s", Double.isNaN(pr) ? "---" : Integer.toString(PULSE_AMPLITUDE)));
        for (int i = 0; i < codes.size(); i++) {
            sb.append(i == 0 ? "    " : "").append(i < codes.size() - 1 ? String.format(Locale.ROOT, "%-15s", codes.get(i)) : codes.get(i));
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String value(double v, boolean star) {
        long r = Math.round(v);
        String text = Double.isNaN(v) || r < 0 || r > 999 ? "---" : Long.toString(r);
        return star ? text + "*" : text;
    }
}
