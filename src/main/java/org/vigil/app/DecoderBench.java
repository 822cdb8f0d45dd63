package org.vigil.app;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.vigil.device.Decoders;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.Protocol;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.Encoders;
import org.vigil.sim.protocol.FrameEncoder;

/** Decoder throughput: frames per second over a stream of realistic frames, after a warm-up. */
final class DecoderBench {

    record Result(Protocol protocol, long frames, double seconds, long bytes) {
        double framesPerSecond() {
            return frames / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }
    }

    static byte[] stream(Protocol p, int frames, long seed) {
        FrameEncoder enc = Encoders.create(p.key());
        Random rnd = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDateTime t = LocalDateTime.of(2026, 1, 5, 9, 0);
        for (int i = 0; i < frames; i++) {
            Map<Vital, Double> v = new EnumMap<>(Vital.class);
            v.put(Vital.SPO2, 90.0 + rnd.nextInt(10));
            v.put(Vital.PR, 60.0 + rnd.nextInt(40));
            if (p == Protocol.MASIMO) {
                v.put(Vital.PI, 1 + rnd.nextInt(500) / 100.0);
            } else {
                v.put(Vital.HR, 60.0 + rnd.nextInt(40));
                v.put(Vital.RR, 10.0 + rnd.nextInt(10));
                v.put(Vital.NIBP_SYS, 110.0 + rnd.nextInt(40));
                v.put(Vital.NIBP_DIA, 70.0 + rnd.nextInt(20));
                v.put(Vital.NIBP_MEAN, 85.0 + rnd.nextInt(20));
            }
            out.writeBytes(enc.encode(new DeviceOutput(t.plusSeconds(i), v, false, false, "0000012345")));
        }
        return out.toByteArray();
    }

    static Result run(Protocol p, double seconds) {
        int framesPerPass = 10_000;
        byte[] data = stream(p, framesPerPass, 7);
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

    private static void pass(Protocol p, byte[] data, long[] count) {
        FrameDecoder d = Decoders.create(p);
        ByteBuffer b = ByteBuffer.wrap(data);
        d.decode(b, f -> count[0]++);
    }
}
