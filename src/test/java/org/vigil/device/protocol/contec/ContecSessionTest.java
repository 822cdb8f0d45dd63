package org.vigil.device.protocol.contec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.LinkOutput;
import org.vigil.device.protocol.SessionState;
import org.vigil.domain.Measurement;
import org.vigil.domain.Vital;

/** The start command on open, the keep-alive every 5 s, and starting again when data stops; on a clock moved by hand. */
class ContecSessionTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private static final DeviceFrame DATA = new DeviceFrame(List.of(Measurement.of(Vital.SPO2, 97)), Set.of(), Map.of());

    private static byte[] hex(String s) {
        return HexFormat.ofDelimiter(" ").parseHex(s);
    }

    /** What the session sent, one array per send. */
    private static final class Sent implements LinkOutput {
        final List<byte[]> blocks = new ArrayList<>();

        @Override
        public void send(byte[] bytes) {
            blocks.add(bytes.clone());
        }

        byte[] take() {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            blocks.forEach(all::writeBytes);
            blocks.clear();
            return all.toByteArray();
        }
    }

    private static byte[] open(ContecSession session, Instant now) {
        Sent out = new Sent();
        session.onOpen(out, now);
        return out.take();
    }

    private static byte[] tick(ContecSession session, Instant now) {
        Sent out = new Sent();
        session.onTick(now, out);
        return out.take();
    }

    private static void frame(ContecSession session, DeviceFrame f, Instant now) {
        session.onFrame(f, new Sent(), now);
    }

    /** Ticks every 100 ms over {@code (fromMs, toMs]}, with a data frame each second when {@code data}; what was sent when. */
    private static List<String> run(ContecSession session, int fromMs, int toMs, boolean data) {
        List<String> sent = new ArrayList<>();
        for (int ms = fromMs + 100; ms <= toMs; ms += 100) {
            Instant now = T0.plusMillis(ms);
            if (data && ms % 1000 == 0) {
                frame(session, DATA, now);
            }
            byte[] out = tick(session, now);
            if (out.length > 0) {
                sent.add(ms + (out[2] == ContecCommands.start()[2] ? " start" : out[2] == ContecCommands.keepAlive()[2] ? " keep-alive" : " ?"));
            }
        }
        return sent;
    }

    @Test
    void commandsAreTheNineBytesOfTheSpec() {
        assertArrayEquals(hex("7d 81 a1 80 80 80 80 80 80"), ContecCommands.start());
        assertArrayEquals(hex("7d 81 a2 80 80 80 80 80 80"), ContecCommands.stop());
        assertArrayEquals(hex("7d 81 af 80 80 80 80 80 80"), ContecCommands.keepAlive());
        assertArrayEquals(hex("7d 81 aa 80 80 80 80 80 80"), ContecCommands.command(ContecCommands.ASK_DEVICE_ID));
        assertThrows(IllegalArgumentException.class, () -> ContecCommands.command(0x21));
    }

    @Test
    void negotiatingUntilTheFirstDataFrame() {
        ContecSession session = new ContecSession();
        open(session, T0);
        assertEquals(SessionState.NEGOTIATING, session.state());
        frame(session, DATA, T0.plusMillis(300));
        assertEquals(SessionState.CONNECTED, session.state());
    }

    @Test
    void openAsksTheDeviceIdAndSendsTheStartCommand() {
        assertArrayEquals(hex("7d 81 aa 80 80 80 80 80 80 7d 81 a1 80 80 80 80 80 80"), open(new ContecSession(), T0));
    }

    @Test
    void nothingIsSentBeforeTheLinkOpens() {
        assertEquals(0, tick(new ContecSession(), T0.plusSeconds(60)).length);
    }

    @Test
    void whileDataFlowsTheKeepAliveGoesEveryFiveSeconds() {
        ContecSession session = new ContecSession();
        open(session, T0);
        frame(session, DATA, T0.plusMillis(50));
        assertEquals(List.of("5000 keep-alive", "10000 keep-alive", "15000 keep-alive", "20000 keep-alive"), run(session, 0, 20_000, true));
        assertEquals(SessionState.CONNECTED, session.state());
    }

    @Test
    void withoutDataTheStartCommandIsRepeatedEveryTwoSeconds() {
        ContecSession session = new ContecSession();
        open(session, T0);
        assertEquals(List.of("2000 start", "4000 start", "6000 start"), run(session, 0, 6_000, false));
        assertEquals(SessionState.NEGOTIATING, session.state());
    }

    @Test
    void dataStoppingForThreeSecondsStartsTheStreamAgain() {
        ContecSession session = new ContecSession();
        open(session, T0);
        run(session, 0, 4_000, true);
        assertEquals(List.of("5000 keep-alive", "7000 start", "9000 start"), run(session, 4_000, 10_000, false));
        assertEquals(List.of("14000 keep-alive"), run(session, 10_000, 15_000, true));
    }

    @Test
    void framesWithoutMeasurementsDoNotCountAsData() {
        ContecSession session = new ContecSession();
        open(session, T0);
        frame(session, new DeviceFrame(List.of(), Set.of(), Map.of("model", "CMS50E")), T0.plusMillis(10));
        assertEquals(SessionState.NEGOTIATING, session.state());
    }

    @Test
    void aLateTickSendsOneCommandNotOnePerMissedPeriod() {
        ContecSession session = new ContecSession();
        open(session, T0);
        frame(session, DATA, T0);
        frame(session, DATA, T0.plusSeconds(16));
        assertArrayEquals(ContecCommands.keepAlive(), tick(session, T0.plusSeconds(16)));
        assertEquals(0, tick(session, T0.plusSeconds(17)).length);
        assertEquals(Duration.ofSeconds(5), ContecSession.KEEP_ALIVE_EVERY);
    }
}
