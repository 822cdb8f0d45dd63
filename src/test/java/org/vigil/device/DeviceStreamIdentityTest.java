package org.vigil.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.masimo.MasimoDecoder;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.Reading;

/**
 * A device's identity reaches the listener when it is first told and each time it changes (a probe
 * swapped), stamped with the frame's receive time and before that frame's readings; lines that
 * repeat it, or tell nothing (a Masimo serial of dashes), change nothing.
 */
class DeviceStreamIdentityTest {

    private static final String TAIL = " SPO2=097% BPM=072 PI=03.50% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800\r\n";

    private final List<String> seen = new ArrayList<>();
    private Instant now = Instant.parse("2026-03-02T09:00:00Z");

    private final DeviceListener listener = new DeviceListener() {
        @Override
        public void onReadings(String deviceId, List<Reading> readings) {
            seen.add("readings " + readings.size()); // SpO2, PR and PI
        }

        @Override
        public void onIdentity(DeviceIdentityChange change) {
            seen.add(change.deviceId() + " " + change.identity().serial() + " since " + change.since());
        }

        @Override
        public void onConnected(String deviceId, String endpoint) {
        }

        @Override
        public void onDisconnected(String deviceId, String reason) {
        }
    };

    private final DeviceStream stream = new DeviceStream("ox", new MasimoDecoder(), () -> now, listener, frame -> { });

    private void line(int second, String serial) {
        now = Instant.parse("2026-03-02T09:00:00Z").plusSeconds(second);
        byte[] b = ("03/02/26 09:00:" + String.format("%02d", second) + " SN=" + serial + TAIL).getBytes(StandardCharsets.US_ASCII);
        stream.receive(b, b.length);
    }

    @Test
    void theFirstSerialAndEachNewOneAreReportedBeforeTheReadingsOfTheirLine() {
        line(0, "0000056661");
        line(1, "0000056661");
        line(2, "----------");
        line(3, "0000071234");
        line(4, "0000071234");

        assertEquals(List.of(
                "ox 0000056661 since 2026-03-02T09:00:00Z", "readings 3",
                "readings 3",
                "readings 3",
                "ox 0000071234 since 2026-03-02T09:00:03Z", "readings 3",
                "readings 3"), seen);
        assertEquals(Optional.of(DeviceIdentity.serialOnly("0000071234")), stream.identity());
    }

    @Test
    void aDeviceThatNeverTellsItsIdentityReportsNone() {
        line(0, "----------");
        assertEquals(List.of("readings 3"), seen);
        assertEquals(Optional.empty(), stream.identity());
    }
}
