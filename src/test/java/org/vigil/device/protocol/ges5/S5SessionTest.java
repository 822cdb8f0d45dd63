package org.vigil.device.protocol.ges5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FlowControl;
import org.vigil.device.protocol.LinkOutput;
import org.vigil.device.protocol.NibpPolicy;
import org.vigil.device.protocol.ProtocolSession;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.device.protocol.SessionState;

/** The station asks for displayed values on open and again when the monitor falls silent. */
class S5SessionTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    /** The records between the flags of {@code bytes}, checked like the decoder checks them. */
    private static List<S5Record> records(byte[] bytes) {
        List<S5Record> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0x7E) {
                if (start >= 0) {
                    S5Record r = S5Record.parse(ByteBuffer.wrap(bytes), start + 1, i);
                    out.add(r);
                    start = -1;
                } else {
                    start = i;
                }
            }
        }
        return out;
    }

    @Test
    void requestIsTheSpecsPhdbRequestForDisplayedValuesAtEachDriLevel() {
        byte[] sent = new S5Session(Duration.ofSeconds(10)).onOpen(T0);

        List<S5Record> requests = records(sent);
        assertEquals(5, requests.size());
        assertEquals(List.of(0x0B, 0x0A, 0x09, 0x08, 0x07), requests.stream().map(S5Record::driLevel).toList());
        for (S5Record r : requests) {
            assertEquals(49, r.length());
            assertEquals(Dri.MT_PHDB, r.mainType());
            assertEquals(1, r.subrecordCount());
            assertEquals(Dri.SR_PHDB_REQUEST, r.subrecordType(0));
            assertEquals(Dri.PH_DISPL, r.u8(Dri.HEADER));
            assertEquals(10, r.i16(Dri.HEADER + 1));
            assertEquals(0L, r.u32(Dri.HEADER + 3), "basic class");
        }
        // r_len 49 | r_nbr 0 | dri_level 0B | 12 zero bytes | sr_desc {0,0} {0,FF} 6 x {0,0} | 01 | 0A 00 | 0 0 | sum 0x46
        assertEquals("7e310000" + "0b" + "00".repeat(12) + "000000" + "0000ff" + "00".repeat(18)
                + "01" + "0a00" + "00000000" + "0000" + "46" + "7e", HexFormat.of().formatHex(S5Request.frame(S5Request.record(0x0B, 10))));
    }

    @Test
    void silentMonitorIsAskedAgainEveryThreeIntervals() {
        S5Session session = new S5Session(Duration.ofSeconds(5));
        byte[] request = session.onOpen(T0);

        assertEquals(0, session.onTick(T0.plusSeconds(14)).length);
        assertArrayEquals(request, session.onTick(T0.plusSeconds(15)));
        assertEquals(0, session.onTick(T0.plusSeconds(29)).length);
        assertArrayEquals(request, session.onTick(T0.plusSeconds(30)));
    }

    @Test
    void monitorThatSendsIsNotAskedAgain() {
        S5Session session = new S5Session(Duration.ofSeconds(5));
        session.onOpen(T0);
        for (int s = 5; s <= 120; s += 5) {
            session.onFrame(T0.plusSeconds(s));
            assertEquals(0, session.onTick(T0.plusSeconds(s).plusMillis(500)).length, "t=" + s);
        }
        assertEquals(0, session.onTick(T0.plusSeconds(134)).length);
        assertEquals(5 * 52, session.onTick(T0.plusSeconds(135)).length, "15 s after the last record");
    }

    @Test
    void stopRequestAsksForIntervalZero() {
        List<S5Record> stop = records(new S5Session(Duration.ofSeconds(10)).onClose());
        assertEquals(5, stop.size());
        assertEquals(0, stop.get(0).i16(Dri.HEADER + 1));
    }

    @Test
    void intervalOutsideWhatTheMonitorAcceptsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new S5Session(Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class, () -> new S5Session(Duration.ofMillis(5500)));
    }

    @Test
    void asAProtocolSessionItSendsThroughTheLinkAndIsConnectedWhileRecordsArrive() {
        ProtocolSession session = new S5Driver().newSession().orElseThrow();
        List<byte[]> sent = new ArrayList<>();
        LinkOutput out = sent::add;

        session.onOpen(out, T0);
        assertEquals(1, sent.size());
        assertEquals(SessionState.NEGOTIATING, session.state());
        assertEquals(5, records(sent.get(0)).get(0).i16(Dri.HEADER + 1), "the driver asks every 5 s");

        session.onFrame(new DeviceFrame(List.of(), Set.of(), Map.of()), out, T0.plusSeconds(1));
        session.onTick(T0.plusSeconds(15), out);
        assertEquals(SessionState.CONNECTED, session.state());
        assertEquals(1, sent.size(), "nothing sent while records arrive");

        session.onTick(T0.plusSeconds(16), out);
        assertEquals(2, sent.size(), "asked again 15 s after the last record");
        assertEquals(SessionState.NEGOTIATING, session.state());
    }

    @Test
    void driverDescribesTheLink() {
        S5Driver driver = new S5Driver();
        assertEquals("ge-s5", driver.key());
        assertEquals(new SerialSettings(19200, 8, 'E', 1, FlowControl.RTS_CTS), driver.defaultLink());
        assertEquals(NibpPolicy.REPEATS_LAST_RESULT, driver.nibpPolicy());
        assertEquals(S5Decoder.class, driver.newDecoder().getClass());
    }
}
