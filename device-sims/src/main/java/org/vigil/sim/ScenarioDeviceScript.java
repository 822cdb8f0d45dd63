package org.vigil.sim;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.FrameEncoder;
import org.vigil.sim.scenario.DeviceSpec;
import org.vigil.sim.scenario.Nibp;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioEvent;

/**
 * The schedule of one scenario device: a report every whole second in [0, duration), nothing
 * while silent, sensor-off reports while the probe is off, cuff measurements at t = 0, every
 * nibp_interval and at each nibp_measure (held between measurements), and garbage bursts before
 * the frame of their second.
 */
final class ScenarioDeviceScript implements DeviceScript {

    private static final long SECOND = 1_000_000_000L;

    private final String id;
    private final DeviceSpec spec;
    private final Function<String, FrameEncoder> encoders;
    private final PatientTimeline patient;
    private final LocalDateTime start;
    private final long end;
    private final long seed;
    private final Windows silent = new Windows();
    private final Windows sensorOff = new Windows();
    private final Windows inflating = new Windows();
    /** Cuff measurement instants, ascending, and what each measured (null: no value). */
    private final long[] measuredAt;
    private final Nibp[] measured;
    private final List<ScenarioEvent.Garbage> garbage = new ArrayList<>();
    /** Glitch frames in time order: at a whole second one replaces that report, otherwise it is an extra frame. */
    private final List<ScenarioEvent.Glitch> glitches = new ArrayList<>();

    ScenarioDeviceScript(String id, Scenario scenario, PatientTimeline patient, Function<String, FrameEncoder> encoders) {
        this.id = id;
        this.spec = scenario.devices().get(id);
        this.encoders = encoders;
        this.patient = patient;
        this.start = scenario.start();
        this.end = scenario.duration().toNanos();
        this.seed = scenario.seed() ^ id.hashCode();
        TreeSet<Long> cuff = new TreeSet<>();
        if (spec.reportsNibp()) {
            for (long t = 0; t < end; t += spec.nibpInterval().toNanos()) {
                cuff.add(t);
            }
        }
        for (ScenarioEvent e : scenario.events()) {
            long a = e.at().toNanos();
            if (e instanceof ScenarioEvent.Silent s && s.device().equals(id)) {
                silent.add(a, a + s.length().toNanos());
            } else if (e instanceof ScenarioEvent.SensorOff s && s.device().equals(id)) {
                sensorOff.add(a, a + s.length().toNanos());
            } else if (e instanceof ScenarioEvent.Garbage g && g.device().equals(id) && a < end) {
                garbage.add(g);
            } else if (e instanceof ScenarioEvent.Glitch g && g.device().equals(id) && a < end) {
                glitches.add(g);
            } else if (e instanceof ScenarioEvent.NibpMeasure m && m.device().equals(id) && a < end) {
                cuff.add(a);
            }
        }
        measuredAt = cuff.stream().mapToLong(Long::longValue).toArray();
        measured = new Nibp[measuredAt.length];
        long inflation = spec.cuffInflation().toNanos();
        for (int i = 0; i < measuredAt.length; i++) {
            long m = measuredAt[i];
            measured[i] = sensorOff.covers(m) ? null : patient.nibp(Duration.ofNanos(m)).orElse(null);
            if (m > 0 && inflation > 0) {
                // never over the previous measurement's own report: each result is shown at least once
                long previous = i > 0 ? measuredAt[i - 1] : 0;
                inflating.add(Math.max(previous + 1, m - inflation), m);
            }
        }
    }

    @Override
    public String deviceId() {
        return id;
    }

    @Override
    public String protocol() {
        return spec.protocol();
    }

    @Override
    public Duration duration() {
        return Duration.ofNanos(end);
    }

    @Override
    public Optional<DeviceOutput> outputAt(Duration t) {
        long n = t.toNanos();
        return silent.covers(n) ? Optional.empty() : Optional.of(output(n));
    }

    private DeviceOutput output(long t) {
        LocalDateTime clock = start.plusNanos(t);
        String serial = spec.serial().orElse(null);
        if (sensorOff.covers(t)) {
            return new DeviceOutput(clock, Map.of(), true, false, serial);
        }
        Map<Vital, Double> values = new EnumMap<>(Vital.class);
        patient.at(Duration.ofNanos(t)).forEach((v, x) -> {
            if (!v.isNibp() && spec.reports().contains(v)) {
                values.put(v, x);
            }
        });
        int m = measurementIndex(t);
        if (m >= 0 && measured[m] != null) {
            values.put(Vital.NIBP_SYS, measured[m].sys());
            values.put(Vital.NIBP_DIA, measured[m].dia());
            values.put(Vital.NIBP_MEAN, measured[m].mean());
        }
        return new DeviceOutput(clock, values, false, inflating.covers(t), serial);
    }

    /** Index of the latest cuff measurement at or before {@code t}, or -1. */
    private int measurementIndex(long t) {
        int i = Arrays.binarySearch(measuredAt, t);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public Iterator<Emission> iterator() {
        return new Pass(encoders.apply(spec.protocol()), new Random(seed));
    }

    /** One lazy pass: merges the whole-second reports with the garbage bursts. */
    private final class Pass implements Iterator<Emission> {
        private final FrameEncoder encoder;
        private final Random random;
        private long nextSecond;
        private int nextGarbage;
        private int nextGlitch;
        private int announced = -1;
        private Emission next;

        Pass(FrameEncoder encoder, Random random) {
            this.encoder = encoder;
            this.random = random;
            this.next = compute();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Emission next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Emission e = next;
            next = compute();
            return e;
        }

        private Emission compute() {
            while (true) {
                long report = nextSecond * SECOND;
                boolean reportLeft = report < end;
                if (nextGarbage < garbage.size()
                        && (!reportLeft || garbage.get(nextGarbage).at().toNanos() <= report)) {
                    ScenarioEvent.Garbage g = garbage.get(nextGarbage++);
                    byte[] b = new byte[g.bytes()];
                    random.nextBytes(b);
                    if (!silent.covers(g.at().toNanos())) {
                        return new Emission(g.at(), b, Emission.GARBAGE);
                    }
                    continue;
                }
                if (nextGlitch < glitches.size()
                        && (!reportLeft || glitches.get(nextGlitch).at().toNanos() < report)) {
                    ScenarioEvent.Glitch g = glitches.get(nextGlitch++);
                    if (!silent.covers(g.at().toNanos())) {
                        return glitch(g, g.at().toNanos());
                    }
                    continue;
                }
                if (!reportLeft) {
                    return null;
                }
                nextSecond++;
                if (silent.covers(report)) {
                    continue;
                }
                if (nextGlitch < glitches.size() && glitches.get(nextGlitch).at().toNanos() == report) {
                    return glitch(glitches.get(nextGlitch++), report);
                }
                DeviceOutput out = output(report);
                return new Emission(Duration.ofNanos(report), encoder.encode(out), kind(out, report));
            }
        }

        /** The frame the device would send at {@code t}, with the glitch's values in place of the patient's. */
        private Emission glitch(ScenarioEvent.Glitch g, long t) {
            DeviceOutput normal = output(t);
            Map<Vital, Double> values = new EnumMap<>(Vital.class);
            values.putAll(normal.values());
            values.putAll(g.values());
            DeviceOutput bad = new DeviceOutput(normal.deviceClock(), values, false, false, normal.serial());
            return new Emission(Duration.ofNanos(t), encoder.encode(bad), Emission.GLITCH);
        }

        private String kind(DeviceOutput out, long t) {
            if (out.sensorOff()) {
                return Emission.SENSOR_OFF;
            }
            int m = measurementIndex(t);
            if (m > announced) {
                announced = m;
                return Emission.NIBP;
            }
            return out.cuffInflating() ? Emission.CUFF_INFLATING : Emission.REPORT;
        }
    }
}
