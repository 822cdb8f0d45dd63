package org.vigil.sim.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.vigil.domain.Vital;

/**
 * Writes the HL7 v2.6 ORU^R01 (IHE PCD-01) a networked monitor pushes once per report,
 * MLLP-framed as on its TCP connection:
 * <pre>
 * 0x0B
 * MSH|^~\&amp;|VIGIL_SIM|&lt;EUI-64&gt;|||&lt;clock&gt;||ORU^R01^ORU_R01|&lt;n&gt;|P|2.6|||NE|AL||UNICODE UTF-8|||IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO CR
 * PID|||SIM-&lt;bed&gt;^^^VIGIL_SIM^PI CR
 * PV1||I|^^&lt;bed&gt; CR
 * OBR|1|&lt;n&gt;^VIGIL_SIM|&lt;n&gt;^VIGIL_SIM|182777000^monitoring of patient^SNOMED-CT|||&lt;clock&gt; CR
 * OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.5.1.1|72|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||&lt;clock&gt;||||&lt;EUI-64&gt;^VIGIL_SIM CR
 * OBX|…  one per vital reported: SpO2 150456, PR 149530, PI 150488, RR 151562 and NIBP 150021/2/3
 * 0x1C 0x0D
 * </pre>
 * A vital in the report without a value (NaN), the oximeter's vitals when the sensor is off, and
 * the NIBP while the cuff inflates are sent with an empty OBX-5 and OBX-11 {@code X} ("cannot
 * obtain"), as PCD-01 asks. Values are rounded to the vital's resolution (PI to 0.01). NIBP rows
 * carry OBX-17 {@code APERIODIC}. OBX-18 names the equipment: the serial as its EUI-64 when it is
 * 16 hex digits, else the serial as the identifier ({@code serial^VIGIL_SIM}), else a fixed
 * simulator EUI-64; MSH-3 is {@code VIGIL_SIM} (the sending application, read as the model).
 * MSH-10 counts up from 1 per encoder.
 */
public final class Hl7Encoder implements FrameEncoder {

    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    private static final String SIM_EUI64 = "0000000000000001";

    private final String bed;
    private long messages;

    /**
     * @param bed PV1-3 bed the monitor is set to (how the station routes it to a chair)
     * @throws IllegalArgumentException when {@code bed} is blank or holds an HL7 separator
     */
    public Hl7Encoder(String bed) {
        Objects.requireNonNull(bed, "bed");
        if (bed.isBlank() || bed.matches(".*[|^~\\\\&\\r\\n].*")) {
            throw new IllegalArgumentException("bad HL7 bed '" + bed + "' (no blanks, | ^ ~ \\ &)");
        }
        this.bed = bed.trim();
    }

    @Override
    public byte[] encode(DeviceOutput output) {
        long n = ++messages;
        String time = DTM.format(output.deviceClock());
        String eui = output.serial() != null && output.serial().matches("[0-9A-Fa-f]{16}") ? output.serial() : SIM_EUI64;
        String equipment = output.serial() != null && !eui.equals(output.serial()) && output.serial().matches("[0-9A-Za-z.-]{1,32}")
                ? output.serial() : eui;
        StringBuilder sb = new StringBuilder(1024);
        sb.append("MSH|^~\\&|VIGIL_SIM|").append(eui).append("|||").append(time).append("||ORU^R01^ORU_R01|").append(n)
                .append("|P|2.6|||NE|AL||UNICODE UTF-8|||IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO\r");
        sb.append("PID|||SIM-").append(bed).append("^^^VIGIL_SIM^PI\r");
        sb.append("PV1||I|^^").append(bed).append('\r');
        sb.append("OBR|1|").append(n).append("^VIGIL_SIM|").append(n)
                .append("^VIGIL_SIM|182777000^monitoring of patient^SNOMED-CT|||").append(time).append('\r');
        int set = 0;
        for (Vital v : Vital.values()) {
            if (!output.vitals().contains(v)) {
                continue;
            }
            Row r = row(v);
            boolean off = (output.sensorOff() && r.oximeter) || (output.cuffInflating() && v.isNibp());
            double value = off ? Double.NaN : output.value(v);
            sb.append("OBX|").append(++set).append("|NM|").append(r.code).append('|').append(r.subId).append('|')
                    .append(Double.isNaN(value) ? "" : number(value, v.decimals())).append('|').append(r.unit)
                    .append("|||||").append(Double.isNaN(value) ? 'X' : 'R').append("||")
                    .append(v.isNibp() ? "APERIODIC" : "").append('|').append(time).append("||||").append(equipment)
                    .append("^VIGIL_SIM\r");
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 3);
        out.write(0x0B);
        out.writeBytes(text);
        out.write(0x1C);
        out.write(0x0D);
        return out.toByteArray();
    }

    private record Row(String code, String subId, String unit, boolean oximeter) {
    }

    private static Row row(Vital v) {
        String perMin = "264864^MDC_DIM_BEAT_PER_MIN^MDC";
        String mmhg = "266016^MDC_DIM_MMHG^MDC";
        String percent = "262688^MDC_DIM_PERCENT^MDC";
        return switch (v) {
            case HR -> new Row("147842^MDC_ECG_HEART_RATE^MDC", "1.5.1.1", perMin, false);
            case PR -> new Row("149530^MDC_PULS_OXIM_PULS_RATE^MDC", "1.3.1.2", perMin, true);
            case SPO2 -> new Row("150456^MDC_PULS_OXIM_SAT_O2^MDC", "1.3.1.1", percent, true);
            case PI -> new Row("150488^MDC_PULS_OXIM_PERF_REL^MDC", "1.3.1.3", percent, true);
            case RR -> new Row("151562^MDC_RESP_RATE^MDC", "1.14.1.1", "264928^MDC_DIM_RESP_PER_MIN^MDC", false);
            case NIBP_SYS -> new Row("150021^MDC_PRESS_BLD_NONINV_SYS^MDC", "1.1.9.1", mmhg, false);
            case NIBP_DIA -> new Row("150022^MDC_PRESS_BLD_NONINV_DIA^MDC", "1.1.9.2", mmhg, false);
            case NIBP_MEAN -> new Row("150023^MDC_PRESS_BLD_NONINV_MEAN^MDC", "1.1.9.3", mmhg, false);
        };
    }

    /** The value rounded half up to {@code decimals} places, as plain digits. */
    private static String number(double value, int decimals) {
        return new java.math.BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
