package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.LinkOutput;
import org.vigil.device.protocol.ProtocolSession;
import org.vigil.device.protocol.SessionState;

/**
 * The station's side of an IntelliVue Data Export association over RS-232:
 *
 * <pre>
 * station                                   monitor
 *   onOpen:  Association Request (CN)  ───▶
 *                                     ◀───  Association Response (AC)   (or Refuse RF: retried)
 *                                     ◀───  MDS Create Event Report (confirmed ROIV)
 *   MDS Create Result (RORS)           ───▶                              → CONNECTED
 *   extended poll, numerics            ───▶  at once, then every poll period
 *                                     ◀───  poll result (RORS, or linked ROLRS parts)
 *   set RTSA priority list := [pleth]  ───▶  once per association (when waves are polled)
 *                                     ◀───  set result: the waves the monitor now exports
 *   periodic extended poll, waves      ───▶  at once, renewed when 5/6 of its period have passed
 *                                     ◀───  a result for each new sample array (about 4 a second),
 *                                           RORS or linked parts, until the period ends
 *   onTick:  keep-alive poll (alert monitor, static group) when nothing was sent for the
 *            keep-alive interval (only when the poll period is longer than it)
 * </pre>
 *
 * The keep-alive is a single poll ({@code NOM_ACT_POLL_MDIB_DATA}) of the alert monitor object
 * ({@code NOM_MOC_VMO_AL_MON}) for its VMO Static Context attribute group
 * ({@code NOM_ATTR_GRP_VMO_STATIC} 0x0811; Data Export Interface Programming Guide, the list of
 * attribute groups in its attribute identifiers), as mdpnp/OpenICE's keep-alive does: any
 * confirmed request keeps the association, and this one has a short reply that carries no data
 * the decoder uses (0x0801 is {@code NOM_ATTR_GRP_AL_MON}, the alarm lists).
 *
 * A refused, aborted or released association, or a monitor silent for the silence timeout, sends
 * the session back to NEGOTIATING, where the request is repeated every retry interval. Each
 * message leaves as one complete frame ({@link SerialFraming}) through the {@link LinkOutput};
 * what the monitor sends arrives as the {@link IntellivueDecoder}'s frames (control frames carry
 * the attribute {@code kind}). Time comes with each call; no thread of its own. Not thread-safe:
 * called from one thread (the link's). Nothing is sent before {@link #onOpen}.
 */
public final class IntellivueSession implements ProtocolSession {

    private static final Logger log = LoggerFactory.getLogger(IntellivueSession.class);

    /**
     * Timings.
     *
     * @param pollPeriod     how often numerics are polled
     * @param keepAlive      the longest the station stays silent while associated (below the
     *                       monitor's association timeout)
     * @param retry          how long an association request waits before it is repeated
     * @param silenceTimeout how long the monitor may stay silent before the association counts as lost
     * @param wavePoll       how long each periodic poll of the waves (real-time sample arrays) asks
     *                       the monitor to send them; renewed when 5/6 of it have passed;
     *                       {@link Duration#ZERO}: waves are not polled
     */
    public record Timing(Duration pollPeriod, Duration keepAlive, Duration retry, Duration silenceTimeout,
            Duration wavePoll) {

        /** How long each periodic wave poll lasts by default. */
        public static final Duration WAVE_POLL = Duration.ofSeconds(60);

        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(10), WAVE_POLL);

        public Timing {
            Objects.requireNonNull(pollPeriod, "pollPeriod");
            Objects.requireNonNull(keepAlive, "keepAlive");
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(silenceTimeout, "silenceTimeout");
            Objects.requireNonNull(wavePoll, "wavePoll");
            if (wavePoll.isNegative() || wavePoll.toNanos() / 125_000L > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("wave poll period out of range: " + wavePoll);
            }
        }

        /** Timings with the default wave poll ({@link #WAVE_POLL}). */
        public Timing(Duration pollPeriod, Duration keepAlive, Duration retry, Duration silenceTimeout) {
            this(pollPeriod, keepAlive, retry, silenceTimeout, WAVE_POLL);
        }

        /** These timings without polling the waves. */
        public Timing withoutWaves() {
            return new Timing(pollPeriod, keepAlive, retry, silenceTimeout, Duration.ZERO);
        }

        /** True when the waves are polled. */
        public boolean pollsWaves() {
            return !wavePoll.isZero();
        }

        /** When a running wave poll is renewed: after 5/6 of its period, so the waves never stop. */
        Duration waveRenewal() {
            return wavePoll.multipliedBy(5).dividedBy(6);
        }
    }

    private static final Long NOM_PULS_OXIM_PLETH_LABEL = NLS_NOM_PULS_OXIM_PLETH;

    private final Timing timing;
    private boolean open;
    private SessionState state = SessionState.NEGOTIATING;
    private boolean accepted;
    private Instant requestedAt = Instant.MIN;
    private Instant lastReceived = Instant.MIN;
    private Instant lastPoll = Instant.MIN;
    private Instant lastWavePoll = Instant.MIN;
    private Instant lastSent = Instant.MIN;
    private int invokeId;
    private int pollNumber;
    private long associations;

    /** A session with the default timing (poll every second). */
    public IntellivueSession() {
        this(Timing.DEFAULT);
    }

    public IntellivueSession(Timing timing) {
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    @Override
    public SessionState state() {
        return state;
    }

    /** Associations completed so far (1 after the first, more after each re-association). */
    public long associations() {
        return associations;
    }

    /** True once the monitor accepted the association (before its MDS create event). */
    public boolean accepted() {
        return accepted;
    }

    @Override
    public void onOpen(LinkOutput out, Instant now) {
        open = true;
        requestAssociation(out, now);
    }

    @Override
    public void onFrame(DeviceFrame frame, LinkOutput out, Instant now) {
        if (!open) {
            return;
        }
        lastReceived = now;
        String kind = frame.attributes().get(IntellivueDecoder.KIND);
        if (kind == null) {
            return;
        }
        switch (kind) {
            case IntellivueDecoder.KIND_ACCEPTED -> accepted = true;
            case IntellivueDecoder.KIND_REFUSED -> {
                log.debug("IntelliVue association refused; retrying in {}", timing.retry());
                state = SessionState.NEGOTIATING;
                accepted = false;
            }
            case IntellivueDecoder.KIND_ABORTED, IntellivueDecoder.KIND_RELEASED, IntellivueDecoder.KIND_RELEASE_REQUEST -> {
                log.debug("IntelliVue association ended by the monitor ({}); associating again", kind);
                if (kind.equals(IntellivueDecoder.KIND_RELEASE_REQUEST)) {
                    send(out, Association.releaseResponse(), now);
                }
                requestAssociation(out, now);
            }
            case IntellivueDecoder.KIND_MDS_CREATE -> onMdsCreate(frame, out, now);
            case IntellivueDecoder.KIND_RTSA_PRIORITY -> {
                if (!Boolean.parseBoolean(frame.attributes().get("pleth_exported"))) {
                    log.info("IntelliVue monitor does not export the pleth (its RTSA priority list: {})",
                            frame.attributes().get("rtsa_priority"));
                }
            }
            default -> { }
        }
    }

    private void onMdsCreate(DeviceFrame frame, LinkOutput out, Instant now) {
        if (Boolean.parseBoolean(frame.attributes().get(IntellivueDecoder.CONFIRMED))) {
            int id = parseId(frame.attributes().get(IntellivueDecoder.INVOKE_ID));
            send(out, Requests.eventReportResult(id, NOM_NOTI_MDS_CREAT, ticks(now)), now);
        }
        if (state != SessionState.CONNECTED) {
            state = SessionState.CONNECTED;
            associations++;
            log.debug("IntelliVue association {} established", associations);
            poll(out, now);
            if (timing.pollsWaves()) {
                send(out, Requests.setRtsaPriority(nextInvokeId(), List.of(NOM_PULS_OXIM_PLETH_LABEL)), now);
                pollWaves(out, now);
            }
        }
    }

    @Override
    public void onTick(Instant now, LinkOutput out) {
        if (!open) {
            return;
        }
        if (state == SessionState.NEGOTIATING) {
            if (!now.isBefore(requestedAt.plus(timing.retry()))) {
                requestAssociation(out, now);
            }
        } else if (!now.isBefore(lastReceived.plus(timing.silenceTimeout()))) {
            log.debug("IntelliVue monitor silent for {}: associating again", timing.silenceTimeout());
            requestAssociation(out, now);
        } else if (!now.isBefore(lastPoll.plus(timing.pollPeriod()))) {
            poll(out, now);
        } else if (timing.pollsWaves() && !now.isBefore(lastWavePoll.plus(timing.waveRenewal()))) {
            pollWaves(out, now);
        } else if (!now.isBefore(lastSent.plus(timing.keepAlive()))) {
            send(out, Requests.poll(nextInvokeId(), nextPollNumber(), false, NOM_MOC_VMO_AL_MON, NOM_ATTR_GRP_VMO_STATIC),
                    now);
        }
    }

    /** Ends the association politely (release request); nothing more is sent. */
    public void release(LinkOutput out, Instant now) {
        if (open) {
            send(out, Association.releaseRequest(), now);
            open = false;
            state = SessionState.NEGOTIATING;
        }
    }

    private void requestAssociation(LinkOutput out, Instant now) {
        state = SessionState.NEGOTIATING;
        accepted = false;
        requestedAt = now;
        send(out, Association.request(timing.pollPeriod().toNanos() / 125_000L), now);
    }

    private void poll(LinkOutput out, Instant now) {
        lastPoll = now;
        send(out, Requests.poll(nextInvokeId(), nextPollNumber(), true, NOM_MOC_VMO_METRIC_NU,
                NOM_ATTR_GRP_METRIC_VAL_OBS), now);
    }

    private void pollWaves(LinkOutput out, Instant now) {
        lastWavePoll = now;
        send(out, Requests.periodicPoll(nextInvokeId(), nextPollNumber(), NOM_MOC_VMO_METRIC_SA_RT, NOM_ATTR_GRP_ALL,
                timing.wavePoll().toNanos() / 125_000L), now);
    }

    private void send(LinkOutput out, byte[] userData, Instant now) {
        lastSent = now;
        out.send(SerialFraming.frame(userData));
    }

    private int nextInvokeId() {
        invokeId = (invokeId + 1) & 0xFFFF;
        return invokeId;
    }

    private int nextPollNumber() {
        pollNumber = (pollNumber + 1) & 0xFFFF;
        return pollNumber;
    }

    private static int parseId(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text) & 0xFFFF;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long ticks(Instant now) {
        return (now.toEpochMilli() * 8) & 0xFFFFFFFFL;
    }
}
