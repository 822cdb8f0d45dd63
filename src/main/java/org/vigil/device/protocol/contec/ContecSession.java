package org.vigil.device.protocol.contec;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.vigil.device.protocol.DeviceFrame;

/**
 * What the station sends a V7.0 Contec oximeter. When the link opens: the device-id command
 * (the answer names the model on the readings) and the start command. While real-time data
 * flows: the keep-alive every {@link #KEEP_ALIVE_EVERY} (the device stops when it hears nothing
 * from the host for a while). When no data came {@link #START_RETRY} after a start command, or
 * data stopped for {@link #NO_DATA_RESTART}: the start command again (the device dropped the
 * first, or stopped after a silence, or was switched off and on). The caller ticks it often
 * (every 100-250 ms) with the time of its injected clock and writes whatever it returns; an
 * empty array means nothing to send. Not thread-safe: one per connection, driven by one thread.
 */
public final class ContecSession {

    /** How often the host tells the device it is still connected (V7.0: every 5 s). */
    public static final Duration KEEP_ALIVE_EVERY = Duration.ofSeconds(5);
    /** How long to wait for data after a start command before sending it again. */
    public static final Duration START_RETRY = Duration.ofSeconds(2);
    /** How long data may stop before the stream is started again (a steady device sends a frame a second). */
    public static final Duration NO_DATA_RESTART = Duration.ofSeconds(3);

    private static final byte[] NOTHING = new byte[0];

    private Instant lastCommand;
    private Instant lastData;
    private boolean streaming;

    /** Creates a session that has sent nothing yet. */
    public ContecSession() {
        // nothing sent yet
    }

    /** The link is open (or reopened): the device-id command, then the start command (18 bytes). */
    public byte[] onOpen(Instant now) {
        lastCommand = Objects.requireNonNull(now, "now");
        streaming = false;
        byte[] ask = ContecCommands.command(ContecCommands.ASK_DEVICE_ID);
        byte[] start = ContecCommands.start();
        byte[] both = new byte[ask.length + start.length];
        System.arraycopy(ask, 0, both, 0, ask.length);
        System.arraycopy(start, 0, both, ask.length, start.length);
        return both;
    }

    /** A frame arrived: one with measurements means the device streams. */
    public void onFrame(DeviceFrame frame, Instant now) {
        if (!frame.measurements().isEmpty()) {
            streaming = true;
            lastData = now;
        }
    }

    /** What is due at {@code now}: the start command again, the keep-alive, or nothing. */
    public byte[] onTick(Instant now) {
        if (lastCommand == null) {
            return NOTHING;
        }
        if (streaming && !now.isBefore(lastData.plus(NO_DATA_RESTART))) {
            streaming = false;
            return command(now, ContecCommands.start());
        }
        if (!streaming && !now.isBefore(lastCommand.plus(START_RETRY))) {
            return command(now, ContecCommands.start());
        }
        if (!now.isBefore(lastCommand.plus(KEEP_ALIVE_EVERY))) {
            return command(now, ContecCommands.keepAlive());
        }
        return NOTHING;
    }

    /** True once real-time data flows, until it stops for {@link #NO_DATA_RESTART}. */
    public boolean streaming() {
        return streaming;
    }

    private byte[] command(Instant now, byte[] bytes) {
        lastCommand = now;
        return bytes;
    }
}
