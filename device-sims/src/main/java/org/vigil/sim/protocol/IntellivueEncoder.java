package org.vigil.sim.protocol;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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

    private int invokeId;
    private int pollNumber;

    /** Creates an encoder whose counters start at zero. */
    public IntellivueEncoder() {
        // counters start at zero
    }

    @Override
    public byte[] encode(DeviceOutput output) {
        invokeId = (invokeId + 1) & 0xFFFF;
        pollNumber = (pollNumber + 1) & 0xFFFF;
        return SerialFraming.frame(pollResult(0, 0, invokeId, NOM_ACT_POLL_MDIB_DATA_EXT, pollNumber,
                NOM_MOC_VMO_METRIC_NU, ticks(output.deviceClock()), output.deviceClock(), objects(output)));
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
        byte[] obsList = observations.toArray();
        byte[] context = new Bytes().u16(0).u16(objects.size()).counted(obsList).toArray();
        byte[] infoList = new Bytes().u16(1).counted(context).toArray();
        Bytes reply = new Bytes().u16(pollNumber);
        if (actionType == NOM_ACT_POLL_MDIB_DATA_EXT) {
            reply.u16(0);
        }
        reply.u32(relTicks).bytes(absoluteTime(clock)).u16(NOM_PART_OBJ).u16(objectType)
                .u16(NOM_ATTR_GRP_METRIC_VAL_OBS).bytes(infoList);
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
