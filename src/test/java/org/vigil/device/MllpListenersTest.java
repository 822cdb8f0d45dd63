package org.vigil.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.hl7.Hl7Decoder;
import org.vigil.device.transport.LinkException;
import org.vigil.device.transport.LinkProblem;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.Hl7Encoder;

/**
 * Two simulated monitors on one HL7 listener (loopback), routed by PV1-3 bed to two chairs'
 * devices; an acknowledgement for every message; refused messages answered AE on a connection
 * that stays up.
 */
class MllpListenersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);

    private final MllpListeners listeners = new MllpListeners("127.0.0.1", CLOCK);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        listeners.close();
    }

    @Test
    void twoMonitorsOnOneListenerReachTheirOwnChairsAndEveryMessageIsAcknowledged() throws Exception {
        Chair chair1 = chair(0, "B-01");
        Chair chair2 = chair(0, "b-02");
        int port = listeners.boundPort(0);
        Monitor a = monitor(port, "B-01");
        Monitor b = monitor(port, "B-02");

        for (int i = 0; i < 5; i++) {
            assertEquals("MSA|AA|" + (i + 1), a.send(60 + i).msa(), "monitor A, message " + (i + 1));
            assertEquals("MSA|AA|" + (i + 1), b.send(90 + i).msa(), "monitor B, message " + (i + 1));
        }

        for (int i = 0; i < 5; i++) {
            assertEquals(60.0 + i, chair1.nextHr(), "chair 1 gets monitor A only");
            assertEquals(90.0 + i, chair2.nextHr(), "chair 2 gets monitor B only");
        }
        assertTrue(chair1.readings.stream().noneMatch(r -> r.vital() == Vital.HR), "nothing else reached chair 1");
        assertTrue(chair2.readings.stream().noneMatch(r -> r.vital() == Vital.HR), "nothing else reached chair 2");
    }

    @Test
    void refusedMessagesAreAnsweredAeWithTheReasonAndTheConnectionStaysUp() throws Exception {
        Chair chair = chair(0, "B-01");
        Monitor m = monitor(listeners.boundPort(0), "B-01");

        Ack adt = m.sendRaw("MSH|^~\\&|MON|FAC|||20260101120000||ADT^A01|A7|P|2.6\rPID|||1\r");
        assertEquals("MSA|AE|A7|unsupported message type 'ADT\\S\\A01' (expected ORU\\S\\R01)", adt.msa());
        assertTrue(adt.err().startsWith("ERR|||200^Unsupported message type^HL70357|E|"), adt.err());

        Ack otherBed = m.sendRaw(new String(new Hl7Encoder("B-09").encode(output(70)), StandardCharsets.UTF_8)
                .replace("\u000b", "").replace("\u001c\r", ""));
        assertEquals("MSA|AE|1|no chair is set to bed '\\S\\\\S\\B-09'", otherBed.msa());
        assertTrue(otherBed.err().startsWith("ERR|||204^"), otherBed.err());

        Ack noBed = m.sendRaw("MSH|^~\\&|MON|FAC|||20260101120000||ORU^R01^ORU_R01|N1|P|2.6\r"
                + "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC||75|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||F\r");
        assertTrue(noBed.msa().startsWith("MSA|AE|N1|no patient location"), noBed.msa());

        Ack broken = m.sendRaw("garbage that is no message");
        assertEquals(null, broken, "bytes outside a message are skipped, not answered");

        assertEquals("MSA|AA|1", m.send(66).msa(), "the same connection still carries the next message");
        assertEquals(66.0, chair.nextHr());
    }

    @Test
    void aMessageSplitAcrossWritesIsAcknowledgedOnceWhole() throws Exception {
        Chair chair = chair(0, "B-01");
        Monitor m = monitor(listeners.boundPort(0), "B-01");
        byte[] bytes = new Hl7Encoder("B-01").encode(output(81));
        for (byte b : bytes) {
            m.socket.getOutputStream().write(b);
            m.socket.getOutputStream().flush();
        }
        assertEquals("MSA|AA|1", m.readAck().msa());
        assertEquals(81.0, chair.nextHr());
    }

    @Test
    void aBedTakenOnAPortIsRefusedToASecondDeviceAndThePortClosesWithItsLastBed() throws Exception {
        Chair first = chair(0, "B-01");
        Transport second = listeners.transport(0, "B-01").get();
        LinkException e = assertThrows(LinkException.class, () -> second.open(new Sink(new LinkedBlockingQueue<>())));
        assertTrue(e.problem().driverDetail().contains("B-01"), e.problem().toString());

        first.transport.close();
        assertEquals(-1, listeners.boundPort(0));
    }

    // --- helpers --------------------------------------------------------------------------

    private Chair chair(int port, String bed) throws IOException {
        BlockingQueue<Reading> readings = new LinkedBlockingQueue<>();
        DeviceStream stream = new DeviceStream("mon", new Hl7Decoder(), CLOCK, (id, rs) -> readings.addAll(rs));
        Transport t = listeners.transport(port, bed).get();
        t.open(new TransportListener() {
            @Override
            public void onData(byte[] data, int len) {
                stream.receive(data, len);
            }

            @Override
            public void onDisconnected(LinkProblem problem) {
                // not for a bed
            }
        });
        open.add(t::close);
        return new Chair(t, readings);
    }

    private Monitor monitor(int port, String bed) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        open.add(s);
        return new Monitor(s, new Hl7Encoder(bed));
    }

    private static DeviceOutput output(double hr) {
        return new DeviceOutput(LocalDateTime.of(2026, 1, 1, 12, 0), Map.of(Vital.HR, hr, Vital.SPO2, 97.0), false, false, null);
    }

    private record Chair(Transport transport, BlockingQueue<Reading> readings) {
        double nextHr() throws InterruptedException {
            while (true) {
                Reading r = readings.poll(10, TimeUnit.SECONDS);
                if (r == null) {
                    throw new AssertionError("no reading within 10 s");
                }
                if (r.vital() == Vital.HR) {
                    return r.value();
                }
            }
        }
    }

    private record Sink(BlockingQueue<byte[]> bytes) implements TransportListener {
        @Override
        public void onData(byte[] data, int len) {
            bytes.add(java.util.Arrays.copyOf(data, len));
        }

        @Override
        public void onDisconnected(LinkProblem problem) {
            // not for a bed
        }
    }

    private record Ack(String msh, String msa, String err) {
    }

    private record Monitor(Socket socket, Hl7Encoder encoder) {
        Ack send(double hr) throws IOException {
            socket.getOutputStream().write(encoder.encode(output(hr)));
            return readAck();
        }

        /** Sends {@code text} MLLP-framed (or, when it holds no MSH, as stray bytes: then no answer is awaited). */
        Ack sendRaw(String text) throws IOException {
            boolean message = text.startsWith("MSH");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (message) {
                out.write(0x0B);
            }
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            if (message) {
                out.write(0x1C);
                out.write(0x0D);
            }
            socket.getOutputStream().write(out.toByteArray());
            return message ? readAck() : null;
        }

        Ack readAck() throws IOException {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream ack = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != 0x1C) {
                ack.write(b);
            }
            in.read();
            String[] segments = ack.toString(StandardCharsets.UTF_8).substring(1).split("\r");
            return new Ack(segments[0], segments[1], segments.length > 2 ? segments[2] : "");
        }
    }
}
