package org.vigil.device.protocol.contec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.Vital;

/** The start command on open, the keep-alive every 5 s, and starting again when data stops; on a clock moved by hand. */
class ContecSessionTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private static final DeviceFrame DATA = new DeviceFrame(List.of(Measurement.of(Vital.SPO2, 97)), Set.of(), Map.of());

    private static byte[] hex(String s) {
        return HexFormat.ofDelimiter(" ").parseHex(s);
    }

    /** Ticks every 100 ms over {@code (fromMs, toMs]}, with a data frame each second when {@code data}; what was sent when. */
    private static List<String> run(ContecSession session, int fromMs, int toMs, boolean data) {
        List<String> sent = new ArrayList<>();
        for (int ms = fromMs + 100; ms <= toMs; ms += 100) {
            Instant now = T0.plusMillis(ms);
            if (data && ms % 1000 == 0) {
                session.onFrame(DATA, now);
            }
            byte[] out = session.onTick(now);
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
    void openAsksTheDeviceIdAndSendsTheStartCommand() {
        assertArrayEquals(hex("7d 81 aa 80 80 80 80 80 80 7d 81 a1 80 80 80 80 80 80"), new ContecSession().onOpen(T0));
    }

    @Test
    void nothingIsSentBeforeTheLinkOpens() {
        assertEquals(0, new ContecSession().onTick(T0.plusSeconds(60)).length);
    }

    @Test
    void whileDataFlowsTheKeepAliveGoesEveryFiveSeconds() {
        ContecSession session = new ContecSession();
        session.onOpen(T0);
        session.onFrame(DATA, T0.plusMillis(50));
        assertEquals(List.of("5000 keep-alive", "10000 keep-alive", "15000 keep-alive", "20000 keep-alive"), run(session, 0, 20_000, true));
        assertTrue(session.streaming());
    }

    @Test
    void withoutDataTheStartCommandIsRepeatedEveryTwoSeconds() {
        ContecSession session = new ContecSession();
        session.onOpen(T0);
        assertEquals(List.of("2000 start", "4000 start", "6000 start"), run(session, 0, 6_000, false));
        assertFalse(session.streaming());
    }

    @Test
    void dataStoppingForThreeSecondsStartsTheStreamAgain() {
        ContecSession session = new ContecSession();
        session.onOpen(T0);
        run(session, 0, 4_000, true);
        assertEquals(List.of("5000 keep-alive", "7000 start", "9000 start"), run(session, 4_000, 10_000, false));
        assertEquals(List.of("14000 keep-alive"), run(session, 10_000, 15_000, true));
    }

    @Test
    void framesWithoutMeasurementsDoNotCountAsData() {
        ContecSession session = new ContecSession();
        session.onOpen(T0);
        session.onFrame(new DeviceFrame(List.of(), Set.of(), Map.of("model", "CMS50E")), T0.plusMillis(10));
        assertFalse(session.streaming());
    }

    @Test
    void aLateTickSendsOneCommandNotOnePerMissedPeriod() {
        ContecSession session = new ContecSession();
        session.onOpen(T0);
        session.onFrame(DATA, T0);
        session.onFrame(DATA, T0.plusSeconds(16));
        assertArrayEquals(ContecCommands.keepAlive(), session.onTick(T0.plusSeconds(16)));
        assertEquals(0, session.onTick(T0.plusSeconds(17)).length);
        assertEquals(Duration.ofSeconds(5), ContecSession.KEEP_ALIVE_EVERY);
    }
}
