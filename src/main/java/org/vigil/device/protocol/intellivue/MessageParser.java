package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.intellivue.Messages.Control;
import org.vigil.device.protocol.intellivue.Messages.EventReport;
import org.vigil.device.protocol.intellivue.Messages.EventReportResult;
import org.vigil.device.protocol.intellivue.Messages.MdsInfo;
import org.vigil.device.protocol.intellivue.Messages.Message;
import org.vigil.device.protocol.intellivue.Messages.Numeric;
import org.vigil.device.protocol.intellivue.Messages.PollRequest;
import org.vigil.device.protocol.intellivue.Messages.PollResult;
import org.vigil.device.protocol.intellivue.Messages.RemoteError;
import org.vigil.device.protocol.intellivue.Messages.SaFixedValue;
import org.vigil.device.protocol.intellivue.Messages.SaObservation;
import org.vigil.device.protocol.intellivue.Messages.SaScale;
import org.vigil.device.protocol.intellivue.Messages.SaSpec;
import org.vigil.device.protocol.intellivue.Messages.SampleArrayObject;
import org.vigil.device.protocol.intellivue.Messages.SetRequest;
import org.vigil.device.protocol.intellivue.Messages.SetResult;
import org.vigil.device.protocol.intellivue.Messages.Unknown;

/**
 * Reads the user data of one frame (or one LAN datagram). All integers are big-endian; every
 * length is honoured as a window, so a lying length gives {@link Unknown}, never a read outside
 * the message.
 *
 * <pre>
 * association control:  | SPDU type u8 (0x0D CN, 0x0E AC, 0x0C RF, 0x09 FN, 0x0A DN, 0x19 AB) | LI | ... |
 *
 * data export:          | SPpdu: session_id 0xE100 u16 | p_context_id u16 |
 *                       | ROapdus: ro_type u16 (1 ROIV, 2 RORS, 3 ROER, 5 ROLRS) | length u16 |
 *   ROIV / RORS:        | invoke_id u16 | command_type u16 | length u16 | argument / result |
 *   ROLRS:              | state u8 | count u8 | invoke_id u16 | command_type u16 | length u16 | result |
 *   ROER:               | invoke_id u16 | error_value u16 | length u16 | ... |
 *
 * EventReportArgument:  | obj_class u16 | context u16 | handle u16 | event_time u32 | event_type u16 | length u16 | info |
 *   MDS create info:    | obj_class u16 | context u16 | handle u16 | AttributeList |
 *   connect indication: | AttributeList |
 * EventReportResult:    | obj_class u16 | context u16 | handle u16 | current_time u32 | event_type u16 | length u16 |
 * ActionArgument:       | obj_class u16 | context u16 | handle u16 | scope u32 | action_type u16 | length u16 | request |
 *   PollMdibDataReq:    | poll_number u16 | partition u16 | obj_code u16 | attr_group u16 | (Ext: AttributeList) |
 *     Ext attributes:   NOM_ATTR_TIME_PD_POLL (0xF13E): | period RelativeTime u32 |  (absent: answered once)
 * SetArgument:          | obj_class u16 | context u16 | handle u16 | scope u32 | ModificationList |
 *   ModificationList:   | count u16 | length u16 | { modify_operator u16 | attribute_id u16 | length u16 | value } |
 * SetResult:            | obj_class u16 | context u16 | handle u16 | AttributeList |
 *   RTSA priority list (0xF23A), a TextIdList: | count u16 | length u16 | { text_id u32 } |
 * ActionResult:         | obj_class u16 | context u16 | handle u16 | action_type u16 | length u16 | reply |
 *   PollMdibDataReply:  | poll_number u16 | rel_time u32 | abs_time 8 | partition u16 | obj_code u16 | attr_group u16 | PollInfoList |
 *   ...ReplyExt:        | poll_number u16 | sequence_no u16 | rel_time u32 | abs_time 8 | partition | obj_code | attr_group | PollInfoList |
 * PollInfoList:         | count u16 | length u16 | { context_id u16 | count u16 | length u16 | { obj_handle u16 | AttributeList } } |
 * AttributeList:        | count u16 | length u16 | { attribute_id u16 | length u16 | value } |
 * NuObsValue (0x0950):  | physio_id u16 | state u16 | unit_code u16 | value FLOAT-Type u32 |
 * NuObsValueCmp(0x094B):| count u16 | length u16 | NuObsValue... |
 * AbsoluteTime:         | century | year | month | day | hour | minute | second | 1/100 s |   (BCD; all 0xFF = none)
 *
 * real-time sample array objects (NOM_MOC_VMO_METRIC_SA_RT), attributes of an AttributeList:
 * SaObsValue (0x096E):  | physio_id u16 | state u16 | length u16 | samples: length bytes, big-endian |
 * SaObsValueCmp(0x0967):| count u16 | length u16 | SaObsValue... |
 * SaSpec (0x096D):      | array_size u16 | sample_size u8 (bits) | significant_bits u8 | flags u16 |
 * ScaleRangeSpec16(0x096F): | lower_absolute FLOAT-Type | upper_absolute FLOAT-Type | lower_scaled u16 | upper_scaled u16 |
 * SaFixedValSpec16(0x0A16): | count u16 | length u16 | { sa_fixed_val_id u16 | sa_fixed_val u16 } |
 * sample period (0x098D):   | RelativeTime u32 |
 * </pre>
 */
public final class MessageParser {

    private MessageParser() {
    }

    /** The message in {@code userData}; {@link Unknown} when it is none of those understood. */
    public static Message parse(byte[] userData) {
        if (userData.length == 0) {
            return new Unknown("empty");
        }
        int first = userData[0] & 0xFF;
        if (first == CN_SPDU || first == AC_SPDU || first == RF_SPDU || first == FN_SPDU || first == DN_SPDU
                || first == AB_SPDU) {
            return new Control(first);
        }
        try {
            return dataExport(new Wire(userData));
        } catch (Wire.Malformed e) {
            return new Unknown("malformed: " + e.getMessage());
        }
    }

    private static Message dataExport(Wire w) throws Wire.Malformed {
        w.u16(); // session id: 0xE100 on RS-232, other values on the LAN
        w.u16(); // presentation context
        int roType = w.u16();
        Wire ro = w.window(w.u16());
        switch (roType) {
            case ROIV -> {
                int invokeId = ro.u16();
                int command = ro.u16();
                Wire arg = ro.window(ro.u16());
                if (command == CMD_EVENT_REPORT || command == CMD_CONFIRMED_EVENT_REPORT) {
                    return eventReport(invokeId, command == CMD_CONFIRMED_EVENT_REPORT, arg);
                }
                if (command == CMD_CONFIRMED_ACTION) {
                    return pollRequest(invokeId, arg);
                }
                if (command == CMD_CONFIRMED_SET) {
                    arg.skip(6 + 4);
                    return new SetRequest(invokeId, modifiedRtsaPriority(arg));
                }
                return new Unknown("invoke of command " + command);
            }
            case RORS, ROLRS -> {
                int state = 0;
                int count = 0;
                if (roType == ROLRS) {
                    state = ro.u8();
                    count = ro.u8();
                    if (state < RORLS_FIRST || state > RORLS_LAST) {
                        return new Unknown("linked result state " + state);
                    }
                }
                int invokeId = ro.u16();
                int command = ro.u16();
                Wire res = ro.window(ro.u16());
                if (command == CMD_CONFIRMED_ACTION) {
                    return pollResult(invokeId, state, count, res);
                }
                if (command == CMD_CONFIRMED_EVENT_REPORT) {
                    res.skip(6);
                    res.u32();
                    return new EventReportResult(invokeId, res.u16());
                }
                if (command == CMD_CONFIRMED_SET) {
                    res.skip(6);
                    return new SetResult(invokeId, rtsaPriority(res));
                }
                return new Unknown("result of command " + command);
            }
            case ROER -> {
                int invokeId = ro.u16();
                return new RemoteError(invokeId, ro.u16());
            }
            default -> {
                return new Unknown("remote operation type " + roType);
            }
        }
    }

    private static Message eventReport(int invokeId, boolean confirmed, Wire arg) throws Wire.Malformed {
        int objectClass = arg.u16();
        arg.skip(4);
        long eventTime = arg.u32();
        int eventType = arg.u16();
        Wire info = arg.window(arg.u16());
        MdsInfo mds = null;
        if (eventType == NOM_NOTI_MDS_CREAT) {
            info.skip(6);
            mds = mdsInfo(info);
        } else if (eventType == NOM_NOTI_MDS_CONNECT_INDIC) {
            mds = mdsInfo(info);
        }
        return new EventReport(invokeId, confirmed, objectClass, eventType, eventTime, mds);
    }

    private static Message pollRequest(int invokeId, Wire arg) throws Wire.Malformed {
        arg.skip(6 + 4);
        int actionType = arg.u16();
        Wire req = arg.window(arg.u16());
        if (actionType != NOM_ACT_POLL_MDIB_DATA && actionType != NOM_ACT_POLL_MDIB_DATA_EXT) {
            return new Unknown("action " + Integer.toHexString(actionType));
        }
        int pollNumber = req.u16();
        req.u16(); // partition
        int objectType = req.u16();
        int group = req.u16();
        long period = 0;
        if (actionType == NOM_ACT_POLL_MDIB_DATA_EXT && req.remaining() > 0) {
            int count = req.u16();
            Wire attrs = req.window(req.u16());
            for (int a = 0; a < count; a++) {
                int id = attrs.u16();
                Wire value = attrs.window(attrs.u16());
                if (id == NOM_ATTR_TIME_PD_POLL) {
                    period = value.u32();
                }
            }
        }
        return new PollRequest(invokeId, actionType, pollNumber, objectType, group, period);
    }

    /** The RTSA priority list a ModificationList replaces, or null when it sets something else. */
    private static List<Long> modifiedRtsaPriority(Wire w) throws Wire.Malformed {
        int count = w.u16();
        Wire mods = w.window(w.u16());
        List<Long> labels = null;
        for (int m = 0; m < count; m++) {
            mods.u16(); // modify operator
            int id = mods.u16();
            Wire value = mods.window(mods.u16());
            if (id == NOM_ATTR_POLL_RTSA_PRIO_LIST) {
                labels = textIds(value);
            }
        }
        return labels;
    }

    /** The RTSA priority list in an AttributeList, or null when it holds none. */
    private static List<Long> rtsaPriority(Wire w) throws Wire.Malformed {
        int count = w.u16();
        Wire attrs = w.window(w.u16());
        List<Long> labels = null;
        for (int a = 0; a < count; a++) {
            int id = attrs.u16();
            Wire value = attrs.window(attrs.u16());
            if (id == NOM_ATTR_POLL_RTSA_PRIO_LIST) {
                labels = textIds(value);
            }
        }
        return labels;
    }

    private static List<Long> textIds(Wire w) throws Wire.Malformed {
        int n = w.u16();
        Wire ids = w.window(w.u16());
        List<Long> out = new ArrayList<>(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
            out.add(ids.u32());
        }
        return out;
    }

    private static Message pollResult(int invokeId, int state, int count, Wire res) throws Wire.Malformed {
        res.skip(6);
        int actionType = res.u16();
        Wire reply = res.window(res.u16());
        if (actionType != NOM_ACT_POLL_MDIB_DATA && actionType != NOM_ACT_POLL_MDIB_DATA_EXT) {
            return new Unknown("action result " + Integer.toHexString(actionType));
        }
        int pollNumber = reply.u16();
        if (actionType == NOM_ACT_POLL_MDIB_DATA_EXT) {
            reply.u16(); // sequence number
        }
        long relTime = reply.u32();
        LocalDateTime absTime = absoluteTime(reply.bytes(8));
        reply.u16(); // partition
        int objectType = reply.u16();
        reply.u16(); // attribute group
        List<Numeric> numerics = new ArrayList<>();
        List<SampleArrayObject> arrays = new ArrayList<>();
        int contexts = reply.u16();
        Wire list = reply.window(reply.u16());
        for (int c = 0; c < contexts; c++) {
            list.u16(); // context id
            int observations = list.u16();
            Wire obs = list.window(list.u16());
            for (int o = 0; o < observations; o++) {
                int handle = obs.u16();
                observation(handle, obs, numerics, arrays);
            }
        }
        return new PollResult(invokeId, state, count, actionType, pollNumber, relTime, absTime, objectType, numerics,
                arrays);
    }

    /**
     * The numerics of one object's AttributeList, stamped with its observation time if it has one,
     * and its sample arrays with the static attributes that came with them.
     */
    private static void observation(int handle, Wire w, List<Numeric> out, List<SampleArrayObject> arrays)
            throws Wire.Malformed {
        int count = w.u16();
        Wire attrs = w.window(w.u16());
        List<long[]> raw = new ArrayList<>();
        LocalDateTime observedAt = null;
        SampleArrayParts sa = new SampleArrayParts();
        for (int a = 0; a < count; a++) {
            int id = attrs.u16();
            Wire value = attrs.window(attrs.u16());
            if (sa.read(id, value)) {
                continue;
            }
            if (id == NOM_ATTR_NU_VAL_OBS) {
                raw.add(nuObsValue(value));
            } else if (id == NOM_ATTR_NU_CMPD_VAL_OBS) {
                int n = value.u16();
                Wire values = value.window(value.u16());
                for (int i = 0; i < n; i++) {
                    raw.add(nuObsValue(values));
                }
            } else if (id == NOM_ATTR_TIME_STAMP_ABS) {
                observedAt = absoluteTime(value.bytes(8));
            }
        }
        for (long[] r : raw) {
            out.add(new Numeric(handle, (int) r[0], (int) r[1], (int) r[2], FloatType.value(r[3]),
                    FloatType.special(r[3]), observedAt));
        }
        if (!sa.observations.isEmpty()) {
            arrays.add(new SampleArrayObject(handle, sa.observations, sa.spec, sa.scale, sa.period, sa.fixed));
        }
    }

    /** The sample-array attributes of one object, as they are read. */
    private static final class SampleArrayParts {
        final List<SaObservation> observations = new ArrayList<>();
        SaSpec spec;
        SaScale scale;
        long period;
        List<SaFixedValue> fixed;

        /** Reads attribute {@code id} if it is a sample-array one; false for any other. */
        boolean read(int id, Wire value) throws Wire.Malformed {
            switch (id) {
                case NOM_ATTR_SA_VAL_OBS -> observations.add(saObsValue(value));
                case NOM_ATTR_SA_CMPD_VAL_OBS -> {
                    int n = value.u16();
                    Wire values = value.window(value.u16());
                    for (int i = 0; i < n; i++) {
                        observations.add(saObsValue(values));
                    }
                }
                case NOM_ATTR_SA_SPECN -> spec = new SaSpec(value.u16(), value.u8(), value.u8(), value.u16());
                case NOM_ATTR_SCALE_SPECN_I16 -> scale = new SaScale(FloatType.value(value.u32()),
                        FloatType.value(value.u32()), value.u16(), value.u16());
                case NOM_ATTR_TIME_PD_SAMP -> period = value.u32();
                case NOM_ATTR_SA_FIXED_VAL_SPECN -> {
                    int n = value.u16();
                    Wire entries = value.window(value.u16());
                    List<SaFixedValue> list = new ArrayList<>(Math.min(n, 16));
                    for (int i = 0; i < n; i++) {
                        list.add(new SaFixedValue(entries.u16(), entries.u16()));
                    }
                    fixed = list;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static SaObservation saObsValue(Wire w) throws Wire.Malformed {
            int physioId = w.u16();
            int state = w.u16();
            return new SaObservation(physioId, state, w.bytes(w.u16()));
        }
    }

    private static long[] nuObsValue(Wire w) throws Wire.Malformed {
        return new long[] {w.u16(), w.u16(), w.u16(), w.u32()};
    }

    private static MdsInfo mdsInfo(Wire w) throws Wire.Malformed {
        int count = w.u16();
        Wire attrs = w.window(w.u16());
        String manufacturer = null;
        String model = null;
        String serial = null;
        String software = null;
        String systemId = null;
        LocalDateTime time = null;
        for (int a = 0; a < count; a++) {
            int id = attrs.u16();
            Wire value = attrs.window(attrs.u16());
            if (id == NOM_ATTR_ID_MODEL) {
                manufacturer = value.string();
                model = value.string();
            } else if (id == NOM_ATTR_ID_PROD_SPECN) {
                int n = value.u16();
                Wire specs = value.window(value.u16());
                for (int i = 0; i < n; i++) {
                    int type = specs.u16();
                    specs.u16(); // component id
                    String text = specs.string();
                    if (type == PROD_SPEC_SERIAL && serial == null) {
                        serial = text;
                    } else if (type == PROD_SPEC_SW_REVISION && software == null) {
                        software = text;
                    }
                }
            } else if (id == NOM_ATTR_SYS_ID) {
                systemId = eui64(value);
            } else if (id == NOM_ATTR_TIME_ABS) {
                time = absoluteTime(value.bytes(8));
            }
        }
        return new MdsInfo(blankToNull(manufacturer), blankToNull(model), blankToNull(serial), blankToNull(software),
                systemId, time);
    }

    /** A System-Id (VariableLabel) of 8 bytes as 16 upper-case hex digits; null for another length or all zeros. */
    private static String eui64(Wire value) throws Wire.Malformed {
        int n = value.u16();
        if (n != 8) {
            return null;
        }
        byte[] b = value.bytes(8);
        boolean zero = true;
        for (byte x : b) {
            zero &= x == 0;
        }
        return zero ? null : java.util.HexFormat.of().withUpperCase().formatHex(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** An AbsoluteTime (BCD), or null when it is "not set" (0xFF…) or not a valid date. */
    static LocalDateTime absoluteTime(byte[] b) {
        int[] v = new int[8];
        for (int i = 0; i < 8; i++) {
            int hi = (b[i] >>> 4) & 0x0F;
            int lo = b[i] & 0x0F;
            if (hi > 9 || lo > 9) {
                return null;
            }
            v[i] = hi * 10 + lo;
        }
        try {
            return LocalDateTime.of(v[0] * 100 + v[1], v[2], v[3], v[4], v[5], v[6], v[7] * 10_000_000);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
