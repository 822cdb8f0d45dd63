package org.vigil.sim.protocol;

import java.io.IOException;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.device.transport.LinkProblem;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;

/**
 * A simulated device that answers: wraps the device's transport so that what the station sends
 * goes to the protocol's {@link Responder} and its answers go back at once, and the device's
 * periodic reports (the player's writes) pass as {@link Responder#report} lets them (by default
 * whole, only while {@link Responder#mayReport()}, e.g. once associated); held-back reports are
 * counted. The responder is called from the transport's
 * reader thread only.
 */
public final class RespondingLink implements Transport {

    private final Transport inner;
    private final Responder responder;
    private final InstantSource clock;
    private final AtomicLong heldBack = new AtomicLong();

    public RespondingLink(Transport inner, Responder responder, InstantSource clock) {
        this.inner = inner;
        this.responder = responder;
        this.clock = clock;
    }

    /** Opens the inner transport and starts answering. */
    public RespondingLink start() throws IOException {
        open(null);
        return this;
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void open(TransportListener ignored) throws IOException {
        inner.open(new TransportListener() {
            @Override
            public void onData(byte[] data, int len) {
                List<byte[]> answers;
                synchronized (responder) {
                    answers = responder.onReceived(Arrays.copyOf(data, len), clock.instant());
                }
                for (byte[] a : answers) {
                    try {
                        inner.write(a, 0, a.length);
                    } catch (IOException e) {
                        return;
                    }
                }
            }

            @Override
            public void onDisconnected(LinkProblem problem) {
            }
        });
    }

    @Override
    public void write(byte[] data, int off, int len) throws IOException {
        byte[] out;
        synchronized (responder) {
            out = responder.report(Arrays.copyOfRange(data, off, off + len), clock.instant());
        }
        if (out == null) {
            heldBack.incrementAndGet();
        } else if (out.length > 0) {
            inner.write(out, 0, out.length);
        }
    }

    /** Reports not sent because the responder held them back. */
    public long heldBack() {
        return heldBack.get();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() {
        inner.close();
    }
}
