package org.vigil.device.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.SerialSettings;

class PtySerialRoundTripTest {

    private static final SerialSettings S = new SerialSettings(9600, 8, 'N', 1);

    @Test
    void bytesWrittenToTheMasterArriveUnchangedThroughJSerialComm() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i; // includes CR, LF, 0x7F, 0xFE, 0xFF: raw mode must pass them untouched
        }
        try (PtyPair pty = PtyPair.open(); SerialTransport port = new SerialTransport(pty.slavePath(), S)) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            CountDownLatch all = new CountDownLatch(1);
            port.open(new TransportListener() {
                @Override
                public void onData(byte[] data, int len) {
                    synchronized (got) {
                        got.write(data, 0, len);
                        if (got.size() >= payload.length) {
                            all.countDown();
                        }
                    }
                }

                @Override
                public void onDisconnected(LinkProblem problem) {
                }
            });
            pty.write(payload, 0, payload.length);
            assertTrue(all.await(10, TimeUnit.SECONDS), "all bytes arrive");
            synchronized (got) {
                assertArrayEquals(payload, got.toByteArray());
            }
            assertEquals(0, pty.droppedBytes());
        }
    }

    @Test
    void closingTheMasterIsSeenAsAPulledCable() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        PtyPair pty = PtyPair.open();
        try (SerialTransport port = new SerialTransport(pty.slavePath(), S)) {
            CountDownLatch gone = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicReference<LinkFault> fault = new java.util.concurrent.atomic.AtomicReference<>();
            port.open(new TransportListener() {
                @Override
                public void onData(byte[] data, int len) {
                }

                @Override
                public void onDisconnected(LinkProblem problem) {
                    fault.set(problem.fault());
                    gone.countDown();
                }
            });
            pty.close();
            assertTrue(gone.await(10, TimeUnit.SECONDS), "disconnect reported");
            assertEquals(LinkFault.UNPLUGGED, fault.get());
        }
    }
}
