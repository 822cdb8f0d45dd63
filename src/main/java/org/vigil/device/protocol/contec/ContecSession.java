package org.vigil.device.protocol.contec;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the station sends a V7.0 Contec oximeter: when the link opens, the device-id command
 * (the answer names the model on the readings) and the start command; then
 * the keep-alive every {@link #KEEP_ALIVE_EVERY} (the device stops streaming when it hears
 * nothing from the host for a while). The caller ticks it often (every 100 ms or so) with the
 * time of its injected clock and writes whatever it returns; an empty array means nothing to
 * send. Not thread-safe: one per connection, ticked by one thread.
 */
public final class ContecSession {

    /** How often the host tells the device it is still connected (V7.0: every 5 s). */
    public static final Duration KEEP_ALIVE_EVERY = Duration.ofSeconds(5);

    private static final byte[] NOTHING = new byte[0];

    private Instant lastSent;

    /** Creates a session that has sent nothing yet. */
    public ContecSession() {
        // nothing sent yet
    }

    /** The link is open: the device-id command, then the start command (18 bytes). */
    public byte[] onOpen(Instant now) {
        lastSent = Objects.requireNonNull(now, "now");
        byte[] ask = ContecCommands.command(ContecCommands.ASK_DEVICE_ID);
        byte[] start = ContecCommands.start();
        byte[] both = new byte[ask.length + start.length];
        System.arraycopy(ask, 0, both, 0, ask.length);
        System.arraycopy(start, 0, both, ask.length, start.length);
        return both;
    }

    /** The keep-alive when {@link #KEEP_ALIVE_EVERY} has passed since the last command, else nothing. */
    public byte[] onTick(Instant now) {
        if (lastSent == null || now.isBefore(lastSent.plus(KEEP_ALIVE_EVERY))) {
            return NOTHING;
        }
        lastSent = now;
        return ContecCommands.keepAlive();
    }
}
