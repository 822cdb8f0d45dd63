package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.nellcor.NellcorDecoder;
import org.vigil.device.protocol.nonin.NoninDecoder;
import org.vigil.device.protocol.nonin.NoninFormat;
import org.vigil.domain.Vital;

/**
 * Decoder throughput over simulator streams, printed as a figure (frames/s, MB/s) for the
 * performance notes; the only assertion is that no frame is lost. Not a timing test.
 */
class NoninNellcorThroughputTest {

    private static final double SECONDS = 0.3;

    @Test
    void decodersKeepEveryFrameOfALongStreamAndReportTheirThroughput() {
        for (NoninFormat format : NoninFormat.values()) {
            NoninEncoder encoder = new NoninEncoder(format);
            measure("nonin DF" + format.number(), stream(encoder::encode), () -> new NoninDecoder(format),
                    format == NoninFormat.DF8 ? 1 : 3);
        }
        NellcorEncoder nellcor = new NellcorEncoder();
        measure("nellcor", stream(nellcor::encode), NellcorDecoder::new, 1);
    }

    private interface Encode {
        byte[] encode(DeviceOutput output);
    }

    private static byte[] stream(Encode encoder) {
        Random random = new Random(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDateTime t = LocalDateTime.of(2026, 12, 3, 9, 0);
        for (int i = 0; i < 2000; i++) {
            out.writeBytes(encoder.encode(new DeviceOutput(t.plusSeconds(i),
                    Map.of(Vital.SPO2, 90.0 + random.nextInt(10), Vital.PR, 60.0 + random.nextInt(40)), false, false, null)));
        }
        return out.toByteArray();
    }

    private static void measure(String name, byte[] data, Supplier<FrameDecoder> decoders, int framesPerReport) {
        long[] frames = new long[1];
        long warmEnd = System.nanoTime() + 500_000_000L;
        // frames with measurements (a Nellcor header's identity frame is not a report)
        java.util.function.Consumer<org.vigil.device.protocol.DeviceFrame> count = f -> frames[0] += f.measurements().isEmpty() ? 0 : 1;
        while (System.nanoTime() < warmEnd) {
            decoders.get().decode(ByteBuffer.wrap(data), count);
        }
        frames[0] = 0;
        long passes = 0;
        long start = System.nanoTime();
        long now;
        do {
            decoders.get().decode(ByteBuffer.wrap(data), count);
            passes++;
            now = System.nanoTime();
        } while (now - start < SECONDS * 1e9);
        double s = (now - start) / 1e9;
        assertEquals(passes * 2000 * framesPerReport, frames[0], name + " lost frames");
        System.out.printf("decoder throughput %-11s %,12.0f frames/s %8.1f MB/s%n", name, frames[0] / s, passes * data.length / s / 1e6);
    }
}
