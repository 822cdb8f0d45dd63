package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.intellivue.Messages.EventReport;
import org.vigil.device.protocol.intellivue.Messages.MdsInfo;
import org.vigil.device.protocol.intellivue.Messages.Message;
import org.vigil.device.protocol.intellivue.Messages.PollResult;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;

/**
 * Decodes what a Philips IntelliVue MP/MX monitor sends on its MIB/RS232 Data Export port
 * (115200 8N1) into {@link DeviceFrame}s. Source of the protocol: Philips "Data Export Interface
 * Programming Guide" as implemented by the open parsers VSCaptureMP, mdpnp/OpenICE and
 * mindleaving/patient-monitor-datalogger (read, not copied). Framing: {@link SerialFraming};
 * message layout: {@link MessageParser}; values: {@link FloatType}, {@link NumericMapper}.
 *
 * <p>Frames emitted:
 * <ul>
 *   <li>a poll result for numerics ({@code NOM_MOC_VMO_METRIC_NU}, single or extended poll) → one
 *       frame with a measurement per mapped numeric ({@link PhysioIds}) and attribute
 *       {@code device_time}: the reply's AbsoluteTime when the monitor sets it, otherwise its
 *       RelativeTime placed on the wall clock the MDS create event announced (time and relative
 *       time of the MDS); when neither is known, {@code device_rel_time} (ticks of 125 µs);</li>
 *   <li>a poll result for real-time sample arrays ({@code NOM_MOC_VMO_METRIC_SA_RT}) → a frame per
 *       pleth array (per run of valid samples) carrying it as {@link DeviceFrame#wave()}, or a
 *       frame without wave for an array in an invalid state; layout, scaling, time and gaps in
 *       {@link PlethWaves}. Frames have the attributes {@code wave=pleth} and {@code device_time}
 *       (or {@code device_rel_time}) of the reply;</li>
 *   <li>the answer to a set of the RTSA priority list → a frame without measurements, {@code
 *       kind=rtsa_priority}, {@code pleth_exported=true|false} and {@code rtsa_priority} (the
 *       labels, hex);</li>
 *   <li>a linked (multi-part, ROLRS) result is re-assembled: its parts (first, not-first-not-last
 *       …, last; same invoke id, counts in order) become one frame when the last part arrives. A
 *       sequence broken by a part out of order, another result or {@value #MAX_LINKED_PARTS}
 *       parts is emitted as it stands with the attribute {@code linked=incomplete} (the values it
 *       holds are real observations);</li>
 *   <li>an MDS create event or connect indication → a frame without measurements carrying the
 *       monitor's identity ({@code manufacturer} and {@code model} from System-Model,
 *       {@code serial} and {@code software} from Production-Specification, {@code eui64} from
 *       System-Id) and {@code device_time} where present; from then on every frame carries the
 *       same identity attributes ({@link DeviceFrame#identity()}), until an MDS tells another.</li>
 * </ul>
 * Association-control messages the monitor sends become frames without measurements whose attribute
 * {@code kind} is {@code assoc_accepted}, {@code assoc_refused}, {@code assoc_aborted},
 * {@code assoc_released} or {@code release_request}; the MDS create frame has {@code kind=mds_create},
 * {@code invoke_id} and {@code confirmed}: the {@link IntellivueSession} reads these. Results of
 * other polls (the keep-alive) and errors emit nothing.
 *
 * <p>The decoder keeps, besides its counters, the state that follows from complete frames only
 * (the pending linked parts, the MDS identity and clock anchor, the sample arrays' static
 * attributes and newest time; a new MDS create event forgets the last), so the same bytes split at any
 * point still give the same frames. Not thread-safe: one instance per connection.
 */
public final class IntellivueDecoder implements FrameDecoder {

    private static final Logger log = LoggerFactory.getLogger(IntellivueDecoder.class);

    /** Attribute naming a control frame's kind (frames without measurements that a session reads). */
    public static final String KIND = "kind";
    public static final String KIND_ACCEPTED = "assoc_accepted";
    public static final String KIND_REFUSED = "assoc_refused";
    public static final String KIND_ABORTED = "assoc_aborted";
    public static final String KIND_RELEASED = "assoc_released";
    public static final String KIND_RELEASE_REQUEST = "release_request";
    public static final String KIND_MDS_CREATE = "mds_create";
    /** Kind of the frame answering the station's set of the RTSA priority list. */
    public static final String KIND_RTSA_PRIORITY = "rtsa_priority";
    /** Attribute: the invoke id of an event report (its answer must carry it). */
    public static final String INVOKE_ID = "invoke_id";
    /** Attribute: whether an event report must be answered. */
    public static final String CONFIRMED = "confirmed";

    /** Parts of one linked result held at most before it is emitted as incomplete. */
    static final int MAX_LINKED_PARTS = 64;
    private static final long TICKS_MOD = 1L << 32;

    private final SerialFraming framing = new SerialFraming();
    private final List<PollResult> linked = new ArrayList<>();
    private long rejectedMessages;
    private String manufacturer;
    private String model;
    private String serial;
    private String software;
    private String systemId;
    private LocalDateTime anchorTime;
    private long anchorTicks;
    private final PlethWaves waves;

    /** Creates a decoder that has seen nothing yet, placing the monitor's wall-clock time in this computer's time zone. */
    public IntellivueDecoder() {
        this(ZoneId.systemDefault());
    }

    /**
     * Creates a decoder that has seen nothing yet.
     *
     * @param zone the time zone of the monitor's wall clock (its AbsoluteTime has none), used to
     *             give the wave's device time as an instant
     */
    public IntellivueDecoder(ZoneId zone) {
        this.waves = new PlethWaves(java.util.Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
        framing.read(in, userData -> onMessage(MessageParser.parse(userData), out));
    }

    @Override
    public long discardedBytes() {
        return framing.discardedBytes();
    }

    @Override
    public int maxFrameLength() {
        return SerialFraming.MAX_WIRE_LENGTH;
    }

    /** Well-framed messages that were not understood (a malformed payload, an unknown type). */
    public long rejectedMessages() {
        return rejectedMessages;
    }

    private void onMessage(Message message, Consumer<DeviceFrame> out) {
        if (message instanceof PollResult poll) {
            onPollResult(poll, out);
        } else if (message instanceof EventReport report && report.info() != null) {
            flushLinked(out);
            onMds(report, out);
        } else if (message instanceof Messages.SetResult set) {
            flushLinked(out);
            if (set.rtsaPriority() != null) {
                out.accept(rtsaPriorityFrame(set));
            }
        } else if (message instanceof Messages.Control control) {
            String kind = controlKind(control.spdu());
            if (kind != null) {
                flushLinked(out);
                out.accept(new DeviceFrame(List.of(), Set.of(), Map.of(KIND, kind)));
            }
        } else if (message instanceof Messages.Unknown unknown) {
            rejectedMessages++;
            log.trace("IntelliVue message not understood: {}", unknown.why());
        }
    }

    /** The {@code kind} of an association-control frame, or null for one the monitor never sends. */
    private static String controlKind(int spdu) {
        return switch (spdu) {
            case AC_SPDU -> KIND_ACCEPTED;
            case RF_SPDU -> KIND_REFUSED;
            case AB_SPDU -> KIND_ABORTED;
            case DN_SPDU -> KIND_RELEASED;
            case FN_SPDU -> KIND_RELEASE_REQUEST;
            default -> null;
        };
    }

    private void onPollResult(PollResult poll, Consumer<DeviceFrame> out) {
        if (poll.linkedState() == 0) {
            flushLinked(out);
            if (poll.objectType() == NOM_MOC_VMO_METRIC_NU) {
                out.accept(frame(List.of(poll), false));
            } else if (poll.objectType() == NOM_MOC_VMO_METRIC_SA_RT) {
                waveFrames(List.of(poll), false, out);
            }
            return;
        }
        boolean continues = !linked.isEmpty()
                && poll.linkedState() != RORLS_FIRST
                && poll.invokeId() == linked.get(0).invokeId()
                && poll.linkedCount() == linked.get(linked.size() - 1).linkedCount() + 1;
        if (!continues) {
            flushLinked(out);
        }
        linked.add(poll);
        boolean broken = !continues && poll.linkedState() != RORLS_FIRST;
        if (poll.linkedState() == RORLS_LAST || broken || linked.size() >= MAX_LINKED_PARTS) {
            boolean complete = !broken && poll.linkedState() == RORLS_LAST;
            emitLinked(out, complete);
        }
    }

    private void flushLinked(Consumer<DeviceFrame> out) {
        if (!linked.isEmpty()) {
            emitLinked(out, false);
        }
    }

    private void emitLinked(Consumer<DeviceFrame> out, boolean complete) {
        List<PollResult> parts = List.copyOf(linked);
        linked.clear();
        if (parts.get(0).objectType() == NOM_MOC_VMO_METRIC_NU) {
            out.accept(frame(parts, !complete));
        } else if (parts.get(0).objectType() == NOM_MOC_VMO_METRIC_SA_RT) {
            waveFrames(parts, !complete, out);
        }
    }

    private void waveFrames(List<PollResult> parts, boolean incomplete, Consumer<DeviceFrame> out) {
        Map<String, String> base = new LinkedHashMap<>();
        PollResult last = parts.get(parts.size() - 1);
        LocalDateTime time = deviceTime(last);
        if (time != null) {
            base.put("device_time", time.toString());
        } else {
            base.put("device_rel_time", Long.toString(last.relativeTime()));
        }
        if (parts.size() > 1 || incomplete) {
            base.put("linked", incomplete ? "incomplete" : Integer.toString(parts.size()));
        }
        identity(base);
        waves.frames(parts, this::deviceTime, base, out);
    }

    private static DeviceFrame rtsaPriorityFrame(Messages.SetResult set) {
        StringBuilder labels = new StringBuilder();
        for (Long label : set.rtsaPriority()) {
            labels.append(labels.length() == 0 ? "" : ",").append(String.format("0x%08X", label));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(KIND, KIND_RTSA_PRIORITY);
        attributes.put("rtsa_priority", labels.toString());
        attributes.put("pleth_exported", Boolean.toString(set.rtsaPriority().contains(NLS_NOM_PULS_OXIM_PLETH)));
        return new DeviceFrame(List.of(), Set.of(), attributes);
    }

    private DeviceFrame frame(List<PollResult> parts, boolean incomplete) {
        List<Measurement> measurements = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (PollResult part : parts) {
            NumericMapper.map(part.numerics(), measurements, attributes);
        }
        PollResult last = parts.get(parts.size() - 1);
        LocalDateTime time = deviceTime(last);
        if (time != null) {
            attributes.put("device_time", time.toString());
        } else {
            attributes.put("device_rel_time", Long.toString(last.relativeTime()));
        }
        if (parts.size() > 1 || incomplete) {
            attributes.put("linked", incomplete ? "incomplete" : Integer.toString(parts.size()));
        }
        identity(attributes);
        Set<ReadingFlag> flags = EnumSet.noneOf(ReadingFlag.class);
        for (Measurement m : measurements) {
            if (m.flags().contains(ReadingFlag.DEMO_DATA)) {
                flags.add(ReadingFlag.DEMO_DATA);
            }
        }
        return new DeviceFrame(measurements, flags, attributes);
    }

    private LocalDateTime deviceTime(PollResult poll) {
        if (poll.absoluteTime() != null) {
            return poll.absoluteTime();
        }
        if (anchorTime == null) {
            return null;
        }
        long ticks = Math.floorMod(poll.relativeTime() - anchorTicks, TICKS_MOD);
        if (ticks > TICKS_MOD / 2) {
            ticks -= TICKS_MOD; // a reply stamped a little before the anchor
        }
        return anchorTime.plus(Duration.ofNanos(ticks * 125_000L));
    }

    private void onMds(EventReport report, Consumer<DeviceFrame> out) {
        MdsInfo info = report.info();
        if (info.model() != null || info.serial() != null || info.systemId() != null) {
            // a monitor that names itself replaces what the link knew (another monitor on the same port)
            manufacturer = info.manufacturer();
            model = info.model();
            serial = info.serial();
            software = info.software();
            systemId = info.systemId();
        }
        if (info.time() != null) {
            anchorTime = info.time();
            anchorTicks = report.eventTime();
        }
        if (report.eventType() == NOM_NOTI_MDS_CREAT) {
            waves.reset();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (info.time() != null) {
            attributes.put("device_time", info.time().toString());
        }
        attributes.put("event", report.eventType() == NOM_NOTI_MDS_CREAT ? "mds_create" : "connect_indication");
        attributes.put(KIND, report.eventType() == NOM_NOTI_MDS_CREAT ? KIND_MDS_CREATE : "connect_indication");
        attributes.put(INVOKE_ID, Integer.toString(report.invokeId()));
        attributes.put(CONFIRMED, Boolean.toString(report.confirmed()));
        identity(attributes);
        out.accept(new DeviceFrame(List.of(), Set.of(), attributes));
    }

    private void identity(Map<String, String> attributes) {
        put(attributes, DeviceFrame.MANUFACTURER, manufacturer);
        put(attributes, DeviceFrame.MODEL, model);
        put(attributes, DeviceFrame.SERIAL, serial);
        put(attributes, DeviceFrame.SOFTWARE, software);
        put(attributes, DeviceFrame.EUI64, systemId);
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
