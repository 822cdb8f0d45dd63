package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.intellivue.Messages.Control;
import org.vigil.device.protocol.intellivue.Messages.EventReport;
import org.vigil.device.protocol.intellivue.Messages.Message;

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
 * the session back to NEGOTIATING, where the request is repeated every retry interval. Bytes go
 * to the channel given to the constructor, each a complete frame ({@link SerialFraming}); frames
 * come in through {@link #onFrame} as user data. The readings themselves are decoded by
 * {@link IntellivueDecoder} from the same byte stream. Time is injected; no thread of its own.
 * Not thread-safe: called from one thread (the link's).
 */
public final class IntellivueSession {

    private static final Logger log = LoggerFactory.getLogger(IntellivueSession.class);

    /** Where the session is. */
    public enum State { IDLE, NEGOTIATING, CONNECTED }

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

    private final Consumer<byte[]> channel;
    private final InstantSource clock;
    private final Timing timing;
    private State state = State.IDLE;
    private boolean accepted;
    private Instant requestedAt = Instant.MIN;
    private Instant lastReceived = Instant.MIN;
    private Instant lastPoll = Instant.MIN;
    private Instant lastSent = Instant.MIN;
    private int invokeId;
    private int pollNumber;
    private long associations;

    /** @param channel receives each complete frame to send to the monitor */
    public IntellivueSession(Consumer<byte[]> channel, InstantSource clock, Timing timing) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    public State state() {
        return state;
    }

    /** Associations completed so far (1 after the first, more after each re-association). */
    public long associations() {
        return associations;
    }

    /** The link is open: ask for an association. */
    public void onOpen() {
        requestAssociation(clock.instant());
    }

    /** The link closed: nothing more is sent until {@link #onOpen}. */
    public void onClose() {
        state = State.IDLE;
        accepted = false;
    }

    /** One frame's user data from the monitor. */
    public void onFrame(byte[] userData) {
        Instant now = clock.instant();
        lastReceived = now;
        Message m = MessageParser.parse(userData);
        if (m instanceof Control c) {
            onControl(c.spdu(), now);
        } else if (m instanceof EventReport e && e.eventType() == NOM_NOTI_MDS_CREAT && state != State.IDLE) {
            if (e.confirmed()) {
                send(Requests.eventReportResult(e.invokeId(), e.eventType(), ticks(now)), now);
            }
            if (state != State.CONNECTED) {
                state = State.CONNECTED;
                associations++;
                log.debug("IntelliVue association {} established", associations);
                poll(now);
            }
        }
    }

    /** Time passes: polls, keep-alive, retries and the silence check. */
    public void onTick(Instant now) {
        switch (state) {
            case IDLE -> { }
            case NEGOTIATING -> {
                if (!now.isBefore(requestedAt.plus(timing.retry()))) {
                    requestAssociation(now);
                }
            }
            case CONNECTED -> {
                if (!now.isBefore(lastReceived.plus(timing.silenceTimeout()))) {
                    log.debug("IntelliVue monitor silent for {}: associating again", timing.silenceTimeout());
                    requestAssociation(now);
                } else if (!now.isBefore(lastPoll.plus(timing.pollPeriod()))) {
                    poll(now);
                } else if (!now.isBefore(lastSent.plus(timing.keepAlive()))) {
                    send(Requests.poll(nextInvokeId(), nextPollNumber(), false, NOM_MOC_VMO_AL_MON,
                            NOM_ATTR_GRP_VMO_STATIC), now);
                }
            }
        }
    }

    /** Ends the association politely (release request). */
    public void release() {
        if (state != State.IDLE) {
            send(Association.releaseRequest(), clock.instant());
            state = State.IDLE;
        }
    }

    private void onControl(int spdu, Instant now) {
        switch (spdu) {
            case AC_SPDU -> accepted = true;
            case RF_SPDU -> {
                log.debug("IntelliVue association refused; retrying in {}", timing.retry());
                state = State.NEGOTIATING;
                accepted = false;
            }
            case AB_SPDU, DN_SPDU, FN_SPDU -> {
                if (state != State.IDLE) {
                    log.debug("IntelliVue association ended by the monitor (0x{}); associating again",
                            Integer.toHexString(spdu));
                    if (spdu == FN_SPDU) {
                        send(Association.releaseResponse(), now);
                    }
                    requestAssociation(now);
                }
            }
            default -> { }
        }
    }

    /** True once the monitor accepted the association (before its MDS create event). */
    public boolean accepted() {
        return accepted;
    }

    private void requestAssociation(Instant now) {
        state = State.NEGOTIATING;
        accepted = false;
        requestedAt = now;
        send(Association.request(timing.pollPeriod().toNanos() / 125_000L), now);
    }

    private void poll(Instant now) {
        lastPoll = now;
        send(Requests.poll(nextInvokeId(), nextPollNumber(), true, NOM_MOC_VMO_METRIC_NU, NOM_ATTR_GRP_METRIC_VAL_OBS),
                now);
    }

    private void send(byte[] userData, Instant now) {
        lastSent = now;
        channel.accept(SerialFraming.frame(userData));
    }

    private int nextInvokeId() {
        invokeId = (invokeId + 1) & 0xFFFF;
        return invokeId;
    }

    private int nextPollNumber() {
        pollNumber = (pollNumber + 1) & 0xFFFF;
        return pollNumber;
    }

    private static long ticks(Instant now) {
        return (now.toEpochMilli() * 8) & 0xFFFFFFFFL;
    }
}
