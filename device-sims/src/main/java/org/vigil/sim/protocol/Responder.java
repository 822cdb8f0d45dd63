package org.vigil.sim.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The answering side of a simulated request/response device: it reads what the station sends
 * (association request, poll, start command, keep-alive) and says what the device sends back.
 * A responder may hold back the device's periodic reports until the station has associated
 * ({@link #mayReport()}). Not thread-safe: one per simulated link, driven from one thread.
 */
public interface Responder {

    /**
     * {@code bytes} arrived from the station (any split: a request may come in pieces, or several
     * at once). Returns the byte blocks to send back now, in order; empty when nothing is due.
     */
    List<byte[]> onReceived(byte[] bytes, Instant now);

    /** True when the device's periodic reports may go out (e.g. once associated). Default: always. */
    default boolean mayReport() {
        return true;
    }

    /**
     * What of one periodic report (the encoder's bytes) goes out at {@code now}: by default the
     * whole report while {@link #mayReport()}, else nothing (null: held back). A responder may
     * also let out only part of it, or adapt it to what the station asked for (e.g. the poll it
     * answers).
     */
    default byte[] report(byte[] report, Instant now) {
        return mayReport() ? report : null;
    }
}
