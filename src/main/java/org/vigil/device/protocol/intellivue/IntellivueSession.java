package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.time.Duration;
import java.time.Instant;
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
 *   onTick:  extended poll, numerics   ───▶  every poll period
 *                                     ◀───  poll result (RORS, or linked ROLRS parts)
 *   onTick:  keep-alive poll (alert monitor, static group) when nothing was sent for the
 *            keep-alive interval (only when the poll period is longer than it)
 * </pre>
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
     */
    public record Timing(Duration pollPeriod, Duration keepAlive, Duration retry, Duration silenceTimeout) {

        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(10));

        public Timing {
            Objects.requireNonNull(pollPeriod, "pollPeriod");
            Objects.requireNonNull(keepAlive, "keepAlive");
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(silenceTimeout, "silenceTimeout");
        }
    }

    private final Timing timing;
    private boolean open;
    private SessionState state = SessionState.NEGOTIATING;
    private boolean accepted;
    private Instant requestedAt = Instant.MIN;
    private Instant lastReceived = Instant.MIN;
    private Instant lastPoll = Instant.MIN;
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
