package org.vigil.device.protocol.ges5;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.LinkOutput;
import org.vigil.device.protocol.ProtocolSession;
import org.vigil.device.protocol.SessionState;

/**
 * The station's side of an S/5 Computer Interface link. The monitor sends nothing until asked:
 * on open the session sends the displayed-values request (every {@code interval}, 5 to 10 s);
 * when no record has arrived for three intervals (the monitor was restarted, the cable pulled
 * and put back, the request lost) it sends the request again, and again every three intervals
 * while the silence lasts. {@link SessionState#CONNECTED} from the first record after a request
 * until such a silence. Time is the caller's: the session never reads a clock.
 *
 * <p>The {@code byte[]} methods say what to send (empty: nothing); the {@link ProtocolSession}
 * methods send it through the link. Not thread-safe: called from the connection's thread only.
 */
public final class S5Session implements ProtocolSession {

    private static final byte[] NOTHING = new byte[0];
    private static final int SILENT_INTERVALS = 3;

    private final int intervalSeconds;
    private final Duration silence;
    private Instant lastHeard;
    private Instant lastRequest;
    private SessionState state = SessionState.NEGOTIATING;

    /**
     * @param interval how often the monitor is asked to send its displayed values: 5 to 10 s
     *                 (whole seconds, the request carries seconds)
     */
    public S5Session(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.getNano() != 0 || interval.getSeconds() < 5 || interval.getSeconds() > 10) {
            throw new IllegalArgumentException("S/5 transmission interval must be 5 to 10 whole seconds: " + interval);
        }
        this.intervalSeconds = (int) interval.getSeconds();
        this.silence = interval.multipliedBy(SILENT_INTERVALS);
    }

    /** The link is open: the bytes of the request to send now. */
    public byte[] onOpen(Instant now) {
        lastHeard = now;
        return request(now);
    }

    /** A record arrived from the monitor. */
    public void onFrame(Instant now) {
        lastHeard = now;
        state = SessionState.CONNECTED;
    }

    /** Periodic check: the request again when the monitor has been silent too long, else nothing (empty). */
    public byte[] onTick(Instant now) {
        if (lastRequest == null) {
            return onOpen(now);
        }
        boolean silent = !now.isBefore(lastHeard.plus(silence));
        boolean due = !now.isBefore(lastRequest.plus(silence));
        return silent && due ? request(now) : NOTHING;
    }

    /** The bytes that stop the transmission (interval 0), for a clean close. */
    public byte[] onClose() {
        return S5Request.framed(0);
    }

    @Override
    public void onOpen(LinkOutput out, Instant now) {
        out.send(onOpen(now));
    }

    @Override
    public void onFrame(DeviceFrame frame, LinkOutput out, Instant now) {
        onFrame(now);
    }

    @Override
    public void onTick(Instant now, LinkOutput out) {
        byte[] bytes = onTick(now);
        if (bytes.length > 0) {
            out.send(bytes);
        }
    }

    @Override
    public SessionState state() {
        return state;
    }

    /** The interval asked of the monitor. */
    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    private byte[] request(Instant now) {
        lastRequest = now;
        state = SessionState.NEGOTIATING;
        return S5Request.framed(intervalSeconds);
    }
}
