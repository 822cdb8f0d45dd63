package org.vigil.sim.protocol;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.intellivue.Association;
import org.vigil.device.protocol.intellivue.Bytes;
import org.vigil.device.protocol.intellivue.FloatType;
import org.vigil.device.protocol.intellivue.PhysioIds;
import org.vigil.device.protocol.intellivue.SerialFraming;
import org.vigil.domain.Vital;

/**
 * Encodes what a simulated Philips IntelliVue monitor sends on its RS-232 Data Export port: the
 * poll results for numerics (whole, or split into linked parts), and the MDS create event. The
 * layouts are those of {@code org.vigil.device.protocol.intellivue.MessageParser}; each message
 * is wrapped in a frame ({@link SerialFraming#frame}).
 *
 * <p>{@link #encode} gives one extended-poll result (RORS) as the monitor sends it in answer to a
 * numerics poll, with invoke id and poll number counting up from 1:
 * <ul>
 *   <li>one object per vital present in {@link DeviceOutput#values()}: HR as
 *       NOM_ECG_CARD_BEAT_RATE, PR as NOM_PULS_OXIM_PULS_RATE, SpO2 as NOM_PULS_OXIM_SAT_O2, PI as
 *       NOM_PULS_OXIM_PERF_REL, RR as NOM_RESP_RATE (NuObsValue, attribute 0x0950); the three
 *       NIBP components together as one compound NuObsValueCmp (0x094B) of NOM_PRESS_BLD_NONINV
 *       with the observation's own AbsoluteTime (0x0990);</li>
 *   <li>values as FLOAT-Type with the vital's decimals; a vital mapped to NaN is sent as the NaN
 *       value with state INVALID;</li>
 *   <li>{@link DeviceOutput#sensorOff()}: SpO2, PR and PI are NaN with state INVALID | UNAVAILABLE;</li>
 *   <li>{@link DeviceOutput#cuffInflating()}: the NIBP components are NaN with state MSMT_ONGOING;</li>
 *   <li>the reply's RelativeTime counts 125 µs ticks of the device clock; its
 *       AbsoluteTime is the device clock (BCD).</li>
 * </ul>
 * After it come the pleth arrays completed since the previous call ({@link IntellivuePleth}: 32
 * samples every 256 ms at the pulse rate, PR else HR), each as an extended-poll result of a
 * real-time sample array object ({@link #waveResults}) with its static attributes, RelativeTime
 * and AbsoluteTime the end of the array, invoke id and poll number 0 and a sequence number
 * counting up: under the simulator registry the responder lets them out only while the station's
 * periodic wave poll runs, with that poll's invoke id and poll number
 * ({@link IntellivueResponder#report}).
 * Not thread-safe: one instance per simulated monitor.
 */
public final class IntellivueEncoder implements FrameEncoder {

    /** One numeric as sent: physio id, measurement state, unit code and FLOAT-Type bits. */
    public record Numeric(int physioId, int state, int unit, long value) {
    }

    /** One object of a poll result: its handle, its numerics, and its observation time or null. */
    public record PolledObject(int handle, List<Numeric> numerics, boolean compound, LocalDateTime observedAt) {

        public PolledObject {
            numerics = List.copyOf(numerics);
        }
    }

    /**
     * One real-time sample array object as sent: the handle, one {@code SaObsValue} (physio id,
     * state, samples of {@code sampleSize} bits) and, when {@code statics}, its Sa-Specification,
     * Scale-and-Range-Specification ({@code lowerScaled..upperScaled} for 0..100 % of the wave),
     * sample period and Sa-Fixed-Val-Spec (the invalid-sample mask, when not 0).
     */
    public record WaveObject(int handle, int physioId, int state, int[] samples, int sampleSize, int significantBits,
            long periodTicks, int lowerScaled, int upperScaled, int invalidMask, boolean statics) {

        public WaveObject {
            samples = samples.clone();
            if (sampleSize != 8 && sampleSize != 16) {
                throw new IllegalArgumentException("sample size 8 or 16 bits, not " + sampleSize);
            }
        }

        @Override
        public int[] samples() {
            return samples.clone();
        }
    }

    private int invokeId;
    private int pollNumber;
    private int waveSequence;
    private final IntellivuePleth pleth = new IntellivuePleth();

    /** Creates an encoder whose counters start at zero. */
    public IntellivueEncoder() {
        // counters start at zero
    }

    @Override
    public byte[] encode(DeviceOutput output) {
        invokeId = (invokeId + 1) & 0xFFFF;
        pollNumber = (pollNumber + 1) & 0xFFFF;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024);
        out.writeBytes(SerialFraming.frame(pollResult(0, 0, invokeId, NOM_ACT_POLL_MDIB_DATA_EXT, pollNumber,
                NOM_MOC_VMO_METRIC_NU, ticks(output.deviceClock()), output.deviceClock(), objects(output))));
        for (IntellivuePleth.Array a : pleth.until(output.deviceClock(), pulse(output), output.sensorOff())) {
            waveSequence = (waveSequence + 1) & 0xFFFF;
            for (byte[] part : waveResults(0, 0, waveSequence, ticks(a.end()), a.end(), List.of(a.object(true)),
                    Association.RS232_MTU, Integer.MAX_VALUE)) {
                out.writeBytes(SerialFraming.frame(part));
            }
        }
        return out.toByteArray();
    }

    /** The rate the simulated pleth beats at: PR, else HR, else none (NaN). */
    static double pulse(DeviceOutput output) {
        return output.has(Vital.PR) ? output.value(Vital.PR) : output.value(Vital.HR);
    }

    /** The objects a monitor reporting {@code output} holds. */
    public static List<PolledObject> objects(DeviceOutput output) {
        List<PolledObject> objects = new ArrayList<>();
        int handle = 0x0100;
        for (Vital v : List.of(Vital.HR, Vital.PR, Vital.SPO2, Vital.PI, Vital.RR)) {
            handle++;
            if (output.values().containsKey(v)) {
                boolean off = output.sensorOff() && (v == Vital.PR || v == Vital.SPO2 || v == Vital.PI);
                int state = off ? MS_INVALID | MS_UNAVAILABLE : output.has(v) ? 0 : MS_INVALID;
                objects.add(new PolledObject(handle, List.of(numeric(v, off ? Double.NaN : output.value(v), state)),
                        false, null));
            }
        }
        List<Numeric> nibp = new ArrayList<>();
        for (Vital v : List.of(Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN)) {
            if (output.values().containsKey(v) || output.cuffInflating()) {
                int state = output.cuffInflating() ? MS_MSMT_ONGOING : output.has(v) ? 0 : MS_INVALID;
                nibp.add(numeric(v, output.cuffInflating() ? Double.NaN : output.value(v), state));
            }
        }
        if (!nibp.isEmpty()) {
            objects.add(new PolledObject(0x0110, nibp, true, output.deviceClock()));
        }
        return objects;
    }

    private static Numeric numeric(Vital v, double value, int state) {
        int unit = switch (v.unit()) {
            case MMHG -> DIM_MMHG;
            case PERCENT -> DIM_PERCENT;
            case PER_MIN -> v == Vital.RR ? DIM_RESP_PER_MIN : DIM_BEAT_PER_MIN;
        };
        return new Numeric(PhysioIds.preferredId(v), state, unit, FloatType.encode(value, v.decimals()));
    }

    /**
     * The user data of one poll result (or one linked part: {@code linkedState} 1 first, 2 middle,
     * 3 last, with {@code linkedCount} its number; 0 for a whole result).
     */
    public static byte[] pollResult(int linkedState, int linkedCount, int invokeId, int actionType, int pollNumber,
            int objectType, long relTicks, LocalDateTime clock, List<PolledObject> objects) {
        Bytes observations = new Bytes();
        for (PolledObject o : objects) {
            observations.u16(o.handle()).bytes(attributes(o));
        }
        return result(linkedState, linkedCount, invokeId, actionType, pollNumber, 0, objectType,
                NOM_ATTR_GRP_METRIC_VAL_OBS, relTicks, clock, objects.size(), observations.toArray());
    }

    /**
     * The user data of a real-time sample array result (extended poll, attribute group "all"): one
     * RORS, or linked parts (ROLRS first … last, counted from 1) when the objects do not fit in
     * {@code maxUserData} bytes or number more than {@code objectsPerPart}; an object is never cut.
     */
    public static List<byte[]> waveResults(int invokeId, int pollNumber, int sequence, long relTicks,
            LocalDateTime clock, List<WaveObject> objects, int maxUserData, int objectsPerPart) {
        int overhead = result(0, 0, 0, NOM_ACT_POLL_MDIB_DATA_EXT, 0, 0, NOM_MOC_VMO_METRIC_SA_RT, NOM_ATTR_GRP_ALL,
                0, null, 0, new byte[0]).length + 2;
        List<List<byte[]>> parts = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        int size = overhead;
        for (WaveObject o : objects) {
            byte[] encoded = new Bytes().u16(o.handle()).bytes(waveAttributes(o)).toArray();
            if (!current.isEmpty() && (size + encoded.length > maxUserData || current.size() >= objectsPerPart)) {
                parts.add(current);
                current = new ArrayList<>();
                size = overhead;
            }
            current.add(encoded);
            size += encoded.length;
        }
        parts.add(current);
        List<byte[]> out = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            int linkedState = parts.size() == 1 ? 0
                    : k == 0 ? RORLS_FIRST : k == parts.size() - 1 ? RORLS_LAST : RORLS_NOT_FIRST_NOT_LAST;
            Bytes observations = new Bytes();
            parts.get(k).forEach(observations::bytes);
            out.add(result(linkedState, linkedState == 0 ? 0 : k + 1, invokeId, NOM_ACT_POLL_MDIB_DATA_EXT, pollNumber,
                    sequence, NOM_MOC_VMO_METRIC_SA_RT, NOM_ATTR_GRP_ALL, relTicks, clock, parts.get(k).size(),
                    observations.toArray()));
        }
        return out;
    }

    private static byte[] waveAttributes(WaveObject o) {
        Bytes list = new Bytes();
        int count = 0;
        if (o.statics()) {
            list.u16(NOM_ATTR_SA_SPECN).counted(new Bytes().u16(o.samples().length).u8(o.sampleSize())
                    .u8(o.significantBits()).u16(0).toArray());
            list.u16(NOM_ATTR_SCALE_SPECN_I16).counted(new Bytes().u32(FloatType.encode(0, 0))
                    .u32(FloatType.encode(100, 0)).u16(o.lowerScaled()).u16(o.upperScaled()).toArray());
            list.u16(NOM_ATTR_TIME_PD_SAMP).counted(new Bytes().u32(o.periodTicks()).toArray());
            count += 3;
            if (o.invalidMask() != 0) {
                list.u16(NOM_ATTR_SA_FIXED_VAL_SPECN).counted(new Bytes().u16(1).u16(4).u16(SA_FIX_INVALID_MASK)
                        .u16(o.invalidMask()).toArray());
                count++;
            }
        }
        Bytes samples = new Bytes();
        for (int v : o.samples()) {
            if (o.sampleSize() == 8) {
                samples.u8(v);
            } else {
                samples.u16(v);
            }
        }
        list.u16(NOM_ATTR_SA_VAL_OBS).counted(new Bytes().u16(o.physioId()).u16(o.state()).counted(samples.toArray())
                .toArray());
        count++;
        return new Bytes().u16(count).counted(list.toArray()).toArray();
    }

    /** The monitor's answer to a set of the RTSA priority list: the labels it now exports. */
    public static byte[] setResult(int invokeId, List<Long> labels) {
        Bytes ids = new Bytes().u16(labels.size()).u16(4 * labels.size());
        labels.forEach(ids::u32);
        byte[] attrs = new Bytes().u16(1).u16(4 + 4 + 4 * labels.size()).u16(NOM_ATTR_POLL_RTSA_PRIO_LIST)
                .counted(ids.toArray()).toArray();
        byte[] result = new Bytes().u16(NOM_MOC_VMS_MDS).u16(0).u16(0).bytes(attrs).toArray();
        byte[] apdu = new Bytes().u16(invokeId).u16(CMD_CONFIRMED_SET).counted(result).toArray();
        return new Bytes().u16(SESSION_ID).u16(PRESENTATION_CONTEXT).u16(RORS).counted(apdu).toArray();
    }

    /** SPpdu, RORS or ROLRS, ActionResult and the poll reply around {@code observations} of {@code count} objects. */
    private static byte[] result(int linkedState, int linkedCount, int invokeId, int actionType, int pollNumber,
            int sequence, int objectType, int group, long relTicks, LocalDateTime clock, int count, byte[] observations) {
        byte[] context = new Bytes().u16(0).u16(count).counted(observations).toArray();
        byte[] infoList = new Bytes().u16(1).counted(context).toArray();
        Bytes reply = new Bytes().u16(pollNumber);
        if (actionType == NOM_ACT_POLL_MDIB_DATA_EXT) {
            reply.u16(sequence);
        }
        reply.u32(relTicks).bytes(absoluteTime(clock)).u16(NOM_PART_OBJ).u16(objectType)
                .u16(group).bytes(infoList);
        byte[] result = new Bytes().u16(NOM_MOC_VMS_MDS).u16(0).u16(0).u16(actionType).counted(reply.toArray())
                .toArray();
        Bytes apdu = new Bytes();
        if (linkedState != 0) {
            apdu.u8(linkedState).u8(linkedCount);
        }
        apdu.u16(invokeId).u16(CMD_CONFIRMED_ACTION).counted(result);
        return new Bytes().u16(SESSION_ID).u16(PRESENTATION_CONTEXT).u16(linkedState != 0 ? ROLRS : RORS)
                .counted(apdu.toArray()).toArray();
    }

    private static byte[] attributes(PolledObject o) {
        Bytes list = new Bytes();
        int count = 0;
        if (o.compound()) {
            Bytes values = new Bytes();
            for (Numeric n : o.numerics()) {
                nuObsValue(values, n);
            }
            byte[] cmp = new Bytes().u16(o.numerics().size()).counted(values.toArray()).toArray();
            list.u16(NOM_ATTR_NU_CMPD_VAL_OBS).counted(cmp);
            count++;
        } else {
            for (Numeric n : o.numerics()) {
                Bytes value = new Bytes();
                nuObsValue(value, n);
                list.u16(NOM_ATTR_NU_VAL_OBS).counted(value.toArray());
                count++;
            }
        }
        if (o.observedAt() != null) {
            list.u16(NOM_ATTR_TIME_STAMP_ABS).counted(absoluteTime(o.observedAt()));
            count++;
        }
        return new Bytes().u16(count).counted(list.toArray()).toArray();
    }

    private static void nuObsValue(Bytes out, Numeric n) {
        out.u16(n.physioId()).u16(n.state()).u16(n.unit()).u32(n.value());
    }

    /** The simulated monitor's software revision (Production-Specification, sw-revision). */
    public static final String SOFTWARE = "SIM.01.00";
    /** The simulated monitor's System-Id (an EUI-64 in the range of no manufacturer). */
    public static final String SYSTEM_ID = "0000000000000001";

    /**
     * The MDS create event (confirmed event report) a monitor sends after accepting an association:
     * System-Model (Philips 865240), System-Id ({@link #SYSTEM_ID}), Production-Specification (the
     * serial, {@code SIM0000001} when none is given, and {@link #SOFTWARE}), the clock.
     */
    public static byte[] mdsCreateEvent(int invokeId, long relTicks, LocalDateTime clock, String serial) {
        byte[] model = new Bytes().counted(text("Philips")).counted(text("865240")).toArray();
        byte[] serialSpec = new Bytes().u16(PROD_SPEC_SERIAL).u16(0).counted(text(serial == null ? "SIM0000001" : serial))
                .toArray();
        byte[] softwareSpec = new Bytes().u16(PROD_SPEC_SW_REVISION).u16(0).counted(text(SOFTWARE)).toArray();
        byte[] specs = new Bytes().u16(2).counted(new Bytes().bytes(serialSpec).bytes(softwareSpec).toArray()).toArray();
        byte[] systemId = new Bytes().counted(java.util.HexFormat.of().parseHex(SYSTEM_ID)).toArray();
        Bytes attrs = new Bytes()
                .u16(NOM_ATTR_ID_MODEL).counted(model)
                .u16(NOM_ATTR_SYS_ID).counted(systemId)
                .u16(NOM_ATTR_ID_PROD_SPECN).counted(specs)
                .u16(NOM_ATTR_TIME_ABS).counted(absoluteTime(clock))
                .u16(NOM_ATTR_TIME_REL).counted(new Bytes().u32(relTicks).toArray());
        byte[] attrList = new Bytes().u16(5).counted(attrs.toArray()).toArray();
        byte[] info = new Bytes().u16(NOM_MOC_VMS_MDS).u16(0).u16(0).bytes(attrList).toArray();
        byte[] argument = new Bytes().u16(NOM_MOC_VMS_MDS).u16(0).u16(0).u32(relTicks).u16(NOM_NOTI_MDS_CREAT)
                .counted(info).toArray();
        byte[] apdu = new Bytes().u16(invokeId).u16(CMD_CONFIRMED_EVENT_REPORT).counted(argument).toArray();
        return new Bytes().u16(SESSION_ID).u16(PRESENTATION_CONTEXT).u16(ROIV).counted(apdu).toArray();
    }

    /** An IntelliVue String value: even length, NUL-padded. */
    private static byte[] text(String s) {
        byte[] ascii = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] padded = new byte[ascii.length + (ascii.length % 2 == 0 ? 2 : 1)];
        System.arraycopy(ascii, 0, padded, 0, ascii.length);
        return padded;
    }

    /** RelativeTime of a device clock: its 125 µs ticks, modulo 2^32 (it wraps every 6.2 days, as the monitor's does). */
    public static long ticks(LocalDateTime clock) {
        long ticks = clock.toEpochSecond(java.time.ZoneOffset.UTC) * 8000L + clock.getNano() / 125_000L;
        return ticks & 0xFFFFFFFFL;
    }

    /**
     * AbsoluteTime: century, year, month, day, hour, minute, second, hundredths, each BCD; for null
     * all 0xFF ("not set", which many monitors send in poll results).
     */
    public static byte[] absoluteTime(LocalDateTime t) {
        if (t == null) {
            return new byte[] {-1, -1, -1, -1, -1, -1, -1, -1};
        }
        int[] v = {t.getYear() / 100, t.getYear() % 100, t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
            t.getMinute(), t.getSecond(), t.getNano() / 10_000_000};
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) ((v[i] / 10) << 4 | v[i] % 10);
        }
        return b;
    }
}
