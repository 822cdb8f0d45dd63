package org.vigil.device.protocol.contec;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the station sends a V7.0 Contec oximeter: the start command when the link opens, then
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

    /** The link is open: the start command. */
    public byte[] onOpen(Instant now) {
        lastSent = Objects.requireNonNull(now, "now");
        return ContecCommands.start();
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
