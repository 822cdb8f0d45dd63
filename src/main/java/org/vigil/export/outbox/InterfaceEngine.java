package org.vigil.export.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Where signed sessions go: the clinic's interface engine's MLLP listener.
 *
 * @param connectTimeout how long a connection attempt may take
 * @param ackTimeout     how long to wait for the ACK once the message is sent
 * @param firstRetry     the wait before the first retry; each further retry waits twice as long
 * @param maxRetry       the longest wait between retries
 */
public record InterfaceEngine(String host, int port, Duration connectTimeout, Duration ackTimeout, Duration firstRetry,
        Duration maxRetry) {

    public InterfaceEngine {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535: " + port);
        }
    }

    /** The defaults: 5 s to connect, 30 s for the ACK, retries from 10 s doubling up to 5 min. */
    public static InterfaceEngine of(String host, int port) {
        return new InterfaceEngine(host, port, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofMinutes(5));
    }

    /** The wait before attempt number {@code attempts + 1} after {@code attempts} failed ones. */
    public Duration backoff(int attempts) {
        Duration d = firstRetry;
        for (int i = 1; i < attempts && d.compareTo(maxRetry) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxRetry) > 0 ? maxRetry : d;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
