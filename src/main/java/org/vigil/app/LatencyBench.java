package org.vigil.app;

import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.alarm.LimitRule;
import org.vigil.device.DeviceConnection;
import org.vigil.device.Decoders;
import org.vigil.device.protocol.Protocol;
import org.vigil.device.transport.PtyPair;
import org.vigil.device.transport.SerialTransport;
import org.vigil.domain.Vital;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.ChairSpec;
import org.vigil.chair.DeviceInfo;
import org.vigil.chair.SessionRecorder;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.Encoders;
import org.vigil.sim.protocol.FrameEncoder;

/**
 * Latency from the last byte of a frame written to a pseudo-terminal to the alarm state change
 * in the engine: the full live path (pty, jSerialComm event thread, decoder, core thread,
 * artifact marker, engine). Frames alternate between an alarming and a normal value so every
 * frame changes the alarm state (raised / ended); the bench rule has no condition delay, so the
 * measured time is the signal path alone. The clock is the real one.
 */
final class LatencyBench {

    private final Protocol protocol;
    private final int frames;

    LatencyBench(Protocol protocol, int frames) {
        this.protocol = protocol;
        this.frames = frames;
    }

    /** The bench rule: SpO2 desat (Masimo) or HR very high (Ivy), no delay, not latching. */
    static AlarmConfig config() {
        AlarmConfig c = AlarmConfig.defaults();
        LimitRule desat = c.rule("spo2.desat").orElseThrow();
        LimitRule tachy = c.rule("hr.very_high").orElseThrow();
        c = c.withRule(new LimitRule(desat.id(), desat.vital(), desat.direction(), desat.threshold(), desat.inclusive(),
                desat.reference(), desat.priority(), Duration.ZERO, false, true));
        return c.withRule(new LimitRule(tachy.id(), tachy.vital(), tachy.direction(), tachy.threshold(), tachy.inclusive(),
                tachy.reference(), tachy.priority(), Duration.ZERO, false, true));
    }

    Percentiles run() throws Exception {
        InstantSource clock = InstantSource.system();
        ExecutorService core = Executors.newSingleThreadExecutor(r -> daemon(r, "bench-core"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bench-timer"));
        BlockingQueue<Long> changes = new ArrayBlockingQueue<>(16);
        String id = protocol == Protocol.MASIMO ? "ox" : "mon";
        Set<Vital> vitals = protocol == Protocol.MASIMO ? Set.of(Vital.SPO2, Vital.PR, Vital.PI) : Set.of(Vital.HR, Vital.SPO2, Vital.PR);
        ChairSpec spec = new ChairSpec("bench", "Bench", true, List.of(new ChairSpec.Device(
                new DeviceInfo(id, id, protocol, "pty", vitals, true),
                new DeviceAlarmProfile(id, id, Duration.ofSeconds(10), null, null))));
        ChairMonitor chair = new ChairMonitor(spec, config(), clock, core, SessionRecorder.NONE);
        String watched = protocol == Protocol.MASIMO ? "spo2.desat" : "hr.very_high";
        chair.addAlarmListener(e -> {
            if (e.alarmId().equals(watched) && (e.type() == AlarmEventType.RAISED || e.type() == AlarmEventType.ENDED)) {
                changes.offer(System.nanoTime());
            }
        });
        FrameEncoder enc = Encoders.create(protocol.key());
        long[] lat = new long[frames];
        int warmup = 200;
        try (PtyPair pty = PtyPair.open()) {
            DeviceConnection conn = new DeviceConnection(id, () -> new SerialTransport(pty.slavePath(), protocol.defaultSerial()),
                    Decoders.create(protocol), clock, chair, timer, Duration.ofSeconds(1));
            conn.start();
            LocalDateTime t = LocalDateTime.of(2026, 1, 5, 9, 0);
            int n = 0;
            for (int i = 0; i < frames + warmup; i++) {
                boolean alarming = i % 2 == 0;
                Map<Vital, Double> v = new EnumMap<>(Vital.class);
                v.put(Vital.SPO2, protocol == Protocol.MASIMO && alarming ? 80.0 : 97.0);
                v.put(Vital.PR, 80.0);
                v.put(Vital.HR, protocol == Protocol.IVY && alarming ? 150.0 : 80.0);
                if (protocol == Protocol.MASIMO) {
                    v.put(Vital.PI, 3.5);
                }
                byte[] frame = enc.encode(new DeviceOutput(t.plusSeconds(i), v, false, false, "0000012345"));
                // The frame is complete with its terminator: CR for Masimo (LF only follows), 0xFE for Ivy.
                int end = protocol == Protocol.MASIMO ? frame.length - 2 : frame.length - 1;
                pty.write(frame, 0, end);
                long t0 = System.nanoTime();
                pty.write(frame, end, frame.length - end);
                Long t1 = changes.poll(5, TimeUnit.SECONDS);
                if (t1 == null) {
                    throw new IllegalStateException("no alarm state change for frame " + i + " (" + protocol.key() + ")");
                }
                if (i >= warmup) {
                    lat[n++] = t1 - t0;
                }
            }
            conn.close();
            return Percentiles.ofNanos(lat, n);
        } finally {
            core.shutdownNow();
            timer.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
