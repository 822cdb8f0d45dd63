package org.vigil.sim.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.vigil.domain.Vital;

/**
 * Encodes one second of an Ivy 450C monitor as one "ANSAR-B" message, byte-compatible with a
 * real capture of the monitor:
 *
 * <pre>
 * 0xFF "ANSAR-B " [400 waveform bytes] HR=1;80;ECG-II;CR RR=1;35;;CR ETCO2=1;;;CR
 * SPO2=1;100;PR=80 ;CR NIBP=4;121;75;92;80;;CR P1=3;;;;;CR P2=3;;;;;CR T1=1;;;CR T2=1;;;CR 0xFE
 * </pre>
 *
 * <ul>
 *   <li>Waveforms: synthetic ECG (200 samples), respiration, plethysmogram (50 each) that follow
 *       HR, RR and PR (else HR) and continue from the previous message; P1 and P2 flat. No
 *       waveform byte is 0xFE or 0xFF.</li>
 *   <li>Values are rounded to integers; a vital without a value is an empty field. ETCO2, P1,
 *       P2, T1 and T2 are always empty.</li>
 *   <li>HR label {@code ECG-II}; RR label empty; SpO2 label {@code PR=<pr> } (trailing space as
 *       the monitor sends it), {@code PR= } without a pulse rate.</li>
 *   <li>NIBP: sys;dia;mean;pulse, the pulse being PR (else HR), empty when no NIBP value is sent.
 *       The mean is sent only when given ({@link Vital#NIBP_MEAN}); it is not derived here.</li>
 *   <li>{@link DeviceOutput#sensorOff()}: every value field is empty (the labels stay).</li>
 *   <li>{@link DeviceOutput#cuffInflating()}: the NIBP fields are empty and its label is
 *       {@code INFLATING}, the text the station's decoder recognises (a station convention; the
 *       monitor's own text is not public).</li>
 * </ul>
 * Keeps the waveform phases between calls: one instance per simulated monitor, not thread-safe.
 */
public final class IvyEncoder implements FrameEncoder {

    /** NIBP label sent while the cuff is inflating. */
    public static final String INFLATING_LABEL = "INFLATING";

    private static final byte[] START_AND_HEADER = "\u00FFANSAR-B ".getBytes(StandardCharsets.ISO_8859_1);
    private static final int END = 0xFE;

    private final IvyWaveforms waveforms = new IvyWaveforms();

    /** Creates an encoder whose waveforms start at phase zero. */
    public IvyEncoder() {
        // phases start at zero
    }

    @Override
    public byte[] encode(DeviceOutput output) {
        double hr = sent(output, Vital.HR);
        double rr = sent(output, Vital.RR);
        double spo2 = sent(output, Vital.SPO2);
        double pr = sent(output, Vital.PR);
        double pulse = Double.isNaN(pr) ? hr : pr;

        ByteArrayOutputStream out = new ByteArrayOutputStream(600);
        out.writeBytes(START_AND_HEADER);
        out.writeBytes(waveforms.next(hr, rr, pulse));
        StringBuilder text = new StringBuilder(200);
        line(text, "HR", "ECG-II", field(hr));
        line(text, "RR", "", field(rr));
        line(text, "ETCO2", "", "");
        line(text, "SPO2", "PR=" + field(pr) + " ", field(spo2));
        nibpLine(text, output, pulse);
        line(text, "P1", "", "", "", "");
        line(text, "P2", "", "", "", "");
        line(text, "T1", "", "");
        line(text, "T2", "", "");
        out.writeBytes(text.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(END);
        return out.toByteArray();
    }

    private static void nibpLine(StringBuilder text, DeviceOutput output, double pulse) {
        if (output.cuffInflating()) {
            line(text, "NIBP", INFLATING_LABEL, "", "", "", "");
            return;
        }
        String sys = field(sent(output, Vital.NIBP_SYS));
        String dia = field(sent(output, Vital.NIBP_DIA));
        String mean = field(sent(output, Vital.NIBP_MEAN));
        boolean any = !sys.isEmpty() || !dia.isEmpty() || !mean.isEmpty();
        line(text, "NIBP", "", sys, dia, mean, any ? field(pulse) : "");
    }

    /** Appends {@code NAME=n;v1;...;vn;label;CR}. */
    private static void line(StringBuilder text, String name, String label, String... values) {
        text.append(name).append('=').append(values.length).append(';');
        for (String v : values) {
            text.append(v).append(';');
        }
        text.append(label).append(';').append('\r');
    }

    /** The value the device sends for {@code v}: NaN when absent or the sensor is off. */
    private static double sent(DeviceOutput output, Vital v) {
        return output.sensorOff() ? Double.NaN : output.value(v);
    }

    private static String field(double value) {
        return Double.isFinite(value) ? Long.toString(Math.round(value)) : "";
    }
}
