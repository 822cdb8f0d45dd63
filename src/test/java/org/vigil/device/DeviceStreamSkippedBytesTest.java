package org.vigil.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.NellcorEncoder;

/** Skipped bytes are told apart: before the first frame (joining mid-stream, a banner) and after it. */
class DeviceStreamSkippedBytesTest {

    @Test
    void bytesSkippedBeforeTheFirstFrameAreCountedApartFromThoseAfter() {
        DeviceStream stream = new DeviceStream("ox", ProtocolRegistry.standard().require("nellcor").newDecoder(),
                InstantSource.fixed(Instant.parse("2026-12-03T08:00:00Z")), (id, rs) -> { });
        byte[] cut = "Jan-04 11:24:5".getBytes(StandardCharsets.US_ASCII);
        stream.receive(cut, cut.length);
        assertEquals(0, stream.frames());
        assertEquals(stream.discardedBytes(), stream.discardedBeforeFirstFrame(), "all of them, while no frame came");

        NellcorEncoder n595 = new NellcorEncoder();
        LocalDateTime t = LocalDateTime.of(2026, 12, 3, 8, 0);
        // 31 lines: the header block before the first and again before the 31st
        for (int s = 0; s < 31; s++) {
            byte[] line = n595.encode(new DeviceOutput(t.plusSeconds(s), Map.of(Vital.SPO2, 97.0, Vital.PR, 75.0), false,
                    false, null));
            stream.receive(line, line.length);
        }
        // the header's version line is a frame of its own (the monitor's identity): 31 lines + 2
        assertEquals(33, stream.frames());
        long header = "  ADULT 0SAT-S SPO2 RESP MODE: NORMAL".length()
                + "TIME                 %SPO2   BPM     PA      Status".length();
        assertEquals(cut.length, stream.discardedBeforeFirstFrame(), "the cut line, before the version line");
        assertEquals(cut.length + 2 * header, stream.discardedBytes());
    }
}
