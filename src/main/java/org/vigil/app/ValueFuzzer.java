package org.vigil.app;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.vigil.device.DeviceStream;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.domain.Plausibility;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.SimDriver;
import org.vigil.sim.protocol.FrameEncoder;

/**
 * Checks the values, not only the framing, of what a protocol's decoder and the station's
 * plausibility rules let through: frames the simulator encodes from random patients are mutated
 * (a byte replaced, dropped or inserted, the frame cut short, a piece repeated) and fed, each
 * between intact frames, through the same {@link DeviceStream} the station uses. Every reading
 * that comes out as valid (a value and no invalidating flag) must lie within
 * {@link Plausibility}; and for a frame that only lost bytes (dropped or cut), every valid value
 * must be one the intact frame carried. Any exception is a finding too. Seeded: the same seed and
 * count give the same run.
 */
final class ValueFuzzer {

    /** What one run found. */
    record Result(long frames, long readings, long implausibleFlagged, long validOutOfRange, long changedByLoss,
            long exceptions, List<String> examples) {

        boolean clean() {
            return validOutOfRange == 0 && changedByLoss == 0 && exceptions == 0;
        }

        String summary() {
            return String.format("%d mutated frames, %d readings, %d flagged implausible, %d valid but out of range,"
                    + " %d valid values changed by a lost byte, %d exceptions", frames, readings, implausibleFlagged,
                    validOutOfRange, changedByLoss, exceptions);
        }
    }

    private static final int MAX_EXAMPLES = 5;
    private static final LocalDateTime CLOCK = LocalDateTime.of(2026, 1, 1, 10, 0);

    /**
     * Protocols whose frames carry each value in a form a lost byte cannot silently turn into
     * another valid value (the Masimo line's fixed fields): for them a frame that only lost bytes
     * must give the values it carried or none.
     */
    private static final java.util.Set<String> LOSS_KEEPS_VALUES = java.util.Set.of("masimo");

    private final ProtocolDriver protocol;
    private final SimDriver simulator;
    private final long seed;

    /** Fuzzes the station's {@code protocol} with frames from its {@code simulator} (same key). */
    ValueFuzzer(ProtocolDriver protocol, SimDriver simulator, long seed) {
        this.protocol = protocol;
        this.simulator = simulator;
        this.seed = seed;
    }

    Result run(long frames) {
        Random random = new Random(seed);
        FrameEncoder encoder = simulator.newEncoder();
        boolean lossKeepsValues = LOSS_KEEPS_VALUES.contains(protocol.key());
        List<Reading> out = new ArrayList<>();
        DeviceStream stream = new DeviceStream("dev", protocol.newDecoder(), InstantSource.fixed(Instant.EPOCH),
                (id, readings) -> out.addAll(readings));
        long readings = 0;
        long flagged = 0;
        long outOfRange = 0;
        long changed = 0;
        long exceptions = 0;
        List<String> examples = new ArrayList<>();
        for (long n = 0; n < frames; n++) {
            Map<Vital, Double> values = patient(random);
            byte[] intact = encoder.encode(new DeviceOutput(CLOCK.plusSeconds(n), values, false, false, "12345"));
            int kind = random.nextInt(5);
            byte[] mutated = mutate(intact, kind, random);
            boolean onlyLost = kind == 1 || kind == 3;
            out.clear();
            try {
                stream.receive(mutated, mutated.length);
                // an intact frame after it ends whatever the mutation left open
                byte[] next = encoder.encode(new DeviceOutput(CLOCK.plusSeconds(n), values, false, false, "12345"));
                stream.receive(next, next.length);
            } catch (RuntimeException e) {
                exceptions++;
                example(examples, "exception " + e + " on " + printable(mutated));
                stream.reset();
                continue;
            }
            for (Reading r : out) {
                readings++;
                if (r.flags().contains(org.vigil.domain.ReadingFlag.IMPLAUSIBLE)) {
                    flagged++;
                }
                if (!r.isValid()) {
                    continue;
                }
                if (Plausibility.check(r.vital(), r.value()).isPresent()) {
                    outOfRange++;
                    example(examples, "valid " + r.vital().key() + "=" + r.value() + " from " + printable(mutated));
                }
                Double sent = values.get(r.vital());
                if (onlyLost && lossKeepsValues && sent != null && !sameAtResolution(r, sent)) {
                    changed++;
                    example(examples, "lost bytes changed " + r.vital().key() + " " + sent + " -> " + r.value()
                            + " in " + printable(mutated));
                }
            }
        }
        return new Result(frames, readings, flagged, outOfRange, changed, exceptions, List.copyOf(examples));
    }

    /** A random patient, often at the edges of what a monitor shows. */
    private static Map<Vital, Double> patient(Random r) {
        Map<Vital, Double> v = new EnumMap<>(Vital.class);
        v.put(Vital.HR, (double) (20 + r.nextInt(230)));
        v.put(Vital.PR, (double) (20 + r.nextInt(230)));
        v.put(Vital.SPO2, (double) (50 + r.nextInt(51)));
        v.put(Vital.PI, (2 + r.nextInt(1999)) / 100.0);
        v.put(Vital.RR, (double) r.nextInt(60));
        double sys = 70 + r.nextInt(160);
        double dia = 40 + r.nextInt((int) sys - 45);
        v.put(Vital.NIBP_SYS, sys);
        v.put(Vital.NIBP_DIA, dia);
        v.put(Vital.NIBP_MEAN, (double) Math.round(dia + (sys - dia) / 3));
        return v;
    }

    /** 0 replace a byte, 1 drop a byte, 2 insert a byte, 3 cut short, 4 repeat a piece. */
    private static byte[] mutate(byte[] f, int kind, Random r) {
        int i = r.nextInt(f.length);
        return switch (kind) {
            case 0 -> {
                byte[] m = f.clone();
                m[i] = (byte) r.nextInt(256);
                yield m;
            }
            case 1 -> {
                byte[] m = new byte[f.length - 1];
                System.arraycopy(f, 0, m, 0, i);
                System.arraycopy(f, i + 1, m, i, f.length - i - 1);
                yield m;
            }
            case 2 -> {
                byte[] m = new byte[f.length + 1];
                System.arraycopy(f, 0, m, 0, i);
                m[i] = (byte) r.nextInt(256);
                System.arraycopy(f, i, m, i + 1, f.length - i);
                yield m;
            }
            case 3 -> java.util.Arrays.copyOf(f, i);
            default -> {
                int len = 1 + r.nextInt(Math.min(16, f.length - i));
                byte[] m = new byte[f.length + len];
                System.arraycopy(f, 0, m, 0, i + len);
                System.arraycopy(f, i, m, i + len, f.length - i);
                yield m;
            }
        };
    }

    private static boolean sameAtResolution(Reading r, double sent) {
        double step = r.vital() == Vital.PI ? 0.01 : 1;
        return Math.abs(Math.round(sent / step) * step - r.value()) < step / 2;
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(text);
        }
    }

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.toString();
    }
}
