package org.vigil.app;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.SimDriver;
import org.vigil.sim.protocol.FrameEncoder;

/** Decoder throughput: frames per second over a stream of realistic frames, after a warm-up. */
final class DecoderBench {

    record Result(ProtocolDriver protocol, long frames, double seconds, long bytes) {
        double framesPerSecond() {
            return frames / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }
    }

    /** {@code frames} reports of {@code sim}'s encoder with random values of every vital it reports. */
    static byte[] stream(SimDriver sim, int frames, long seed) {
        FrameEncoder enc = sim.newEncoder();
        Random rnd = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDateTime t = LocalDateTime.of(2026, 1, 5, 9, 0);
        for (int i = 0; i < frames; i++) {
            Map<Vital, Double> v = new EnumMap<>(Vital.class);
            for (Vital vital : sim.reports()) {
                v.put(vital, normal(vital, rnd));
            }
            out.writeBytes(enc.encode(new DeviceOutput(t.plusSeconds(i), v, false, false, "0000012345")));
        }
        return out.toByteArray();
    }

    /** A value in the normal adult range, at each vital's usual resolution. */
    static double normal(Vital vital, Random rnd) {
        return switch (vital) {
            case SPO2 -> 90.0 + rnd.nextInt(10);
            case PR, HR -> 60.0 + rnd.nextInt(40);
            case PI -> 1 + rnd.nextInt(500) / 100.0;
            case RR -> 10.0 + rnd.nextInt(10);
            case NIBP_SYS -> 110.0 + rnd.nextInt(40);
            case NIBP_DIA -> 70.0 + rnd.nextInt(20);
            case NIBP_MEAN -> 85.0 + rnd.nextInt(20);
            default -> 1.0 + rnd.nextInt(10);
        };
    }

    static Result run(ProtocolDriver p, SimDriver sim, double seconds) {
        int framesPerPass = 10_000;
        byte[] data = stream(sim, framesPerPass, 7);
        long[] count = new long[1];
        // warm-up
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            pass(p, data, count);
        }
        count[0] = 0;
        long bytes = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            pass(p, data, count);
            bytes += data.length;
            now = System.nanoTime();
        } while (now < end);
        if (count[0] % framesPerPass != 0) {
            throw new IllegalStateException(p.key() + " decoder lost frames: " + count[0]);
        }
        return new Result(p, count[0], (now - start) / 1e9, bytes);
    }

    private static void pass(ProtocolDriver p, byte[] data, long[] count) {
        FrameDecoder d = p.newDecoder();
        ByteBuffer b = ByteBuffer.wrap(data);
        d.decode(b, f -> count[0]++);
    }
}
