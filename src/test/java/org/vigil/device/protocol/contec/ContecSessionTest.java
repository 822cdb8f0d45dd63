package org.vigil.device.protocol.contec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start command on open and the keep-alive every 5 s, on a clock moved by hand. */
class ContecSessionTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private static byte[] hex(String s) {
        return HexFormat.ofDelimiter(" ").parseHex(s);
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
    void keepAliveGoesEveryFiveSecondsWhenTickedEvery100Ms() {
        ContecSession session = new ContecSession();
        session.onOpen(T0);
        List<Duration> sentAt = new ArrayList<>();
        for (int ms = 100; ms <= 30_000; ms += 100) {
            byte[] out = session.onTick(T0.plusMillis(ms));
            if (out.length > 0) {
                assertArrayEquals(ContecCommands.keepAlive(), out);
                sentAt.add(Duration.ofMillis(ms));
            }
        }
        assertEquals(List.of(5, 10, 15, 20, 25, 30).stream().map(Duration::ofSeconds).toList(), sentAt);
    }

    @Test
    void aLateTickSendsOneKeepAliveNotOnePerMissedPeriod() {
        ContecSession session = new ContecSession();
        session.onOpen(T0);
        assertArrayEquals(ContecCommands.keepAlive(), session.onTick(T0.plusSeconds(17)));
        assertEquals(0, session.onTick(T0.plusSeconds(18)).length);
        assertArrayEquals(ContecCommands.keepAlive(), session.onTick(T0.plusSeconds(22)));
    }
}
