package org.vigil.device.protocol.contec;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.LinkOutput;
import org.vigil.device.protocol.ProtocolSession;
import org.vigil.device.protocol.SessionState;

/**
 * What the station sends a V7.0 Contec oximeter. When the link opens: the device-id command
 * (the answer names the model on the readings) and the start command. While real-time data
 * flows: the keep-alive every {@link #KEEP_ALIVE_EVERY} (the device stops when it hears nothing
 * from the host for a while). When no data came {@link #START_RETRY} after a start command, or
 * data stopped for {@link #NO_DATA_RESTART}: the start command again (the device dropped the
 * first, or stopped after a silence, or was switched off and on). The connection ticks it
 * every 250 ms or so with the time of its injected clock. Not thread-safe: one per connection,
 * driven by one thread.
 */
public final class ContecSession implements ProtocolSession {

    /** How often the host tells the device it is still connected (V7.0: every 5 s). */
    public static final Duration KEEP_ALIVE_EVERY = Duration.ofSeconds(5);
    /** How long to wait for data after a start command before sending it again. */
    public static final Duration START_RETRY = Duration.ofSeconds(2);
    /** How long data may stop before the stream is started again (a steady device sends a frame a second). */
    public static final Duration NO_DATA_RESTART = Duration.ofSeconds(3);

    private Instant lastCommand;
    private Instant lastData;
    private boolean streaming;

    /** Creates a session that has sent nothing yet. */
    public ContecSession() {
        // nothing sent yet
    }

    /** The link is open (or reopened): the device-id command, then the start command. */
    @Override
    public void onOpen(LinkOutput out, Instant now) {
        lastCommand = Objects.requireNonNull(now, "now");
        streaming = false;
        out.send(ContecCommands.command(ContecCommands.ASK_DEVICE_ID));
        out.send(ContecCommands.start());
    }

    /** A frame arrived: one with measurements means the device streams. */
    @Override
    public void onFrame(DeviceFrame frame, LinkOutput out, Instant now) {
        if (!frame.measurements().isEmpty()) {
            streaming = true;
            lastData = now;
        }
    }

    /** Sends what is due at {@code now}: the start command again, the keep-alive, or nothing. */
    @Override
    public void onTick(Instant now, LinkOutput out) {
        if (lastCommand == null) {
            return;
        }
        if (streaming && !now.isBefore(lastData.plus(NO_DATA_RESTART))) {
            streaming = false;
            command(out, now, ContecCommands.start());
        } else if (!streaming && !now.isBefore(lastCommand.plus(START_RETRY))) {
            command(out, now, ContecCommands.start());
        } else if (!now.isBefore(lastCommand.plus(KEEP_ALIVE_EVERY))) {
            command(out, now, ContecCommands.keepAlive());
        }
    }

    /** {@link SessionState#CONNECTED} once real-time data flows, until it stops for {@link #NO_DATA_RESTART}. */
    @Override
    public SessionState state() {
        return streaming ? SessionState.CONNECTED : SessionState.NEGOTIATING;
    }

    private void command(LinkOutput out, Instant now, byte[] bytes) {
        lastCommand = now;
        out.send(bytes);
    }
}
