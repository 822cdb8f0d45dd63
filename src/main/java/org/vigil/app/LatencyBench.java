package org.vigil.app;

import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import java.util.function.Supplier;
import org.vigil.device.DeviceConnection;
import org.vigil.device.MllpListeners;
import org.vigil.device.protocol.hl7.Hl7Driver;
import org.vigil.device.transport.TcpTransport;
import org.vigil.device.transport.Transport;
import org.vigil.sim.protocol.Hl7SimDriver;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.transport.PtyPair;
import org.vigil.device.transport.PtyTransport;
import org.vigil.device.transport.SerialTransport;
import org.vigil.domain.Vital;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.ChairSpec;
import org.vigil.chair.DeviceInfo;
import org.vigil.chair.SessionRecorder;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.SimDriver;
import org.vigil.sim.protocol.FrameEncoder;

/**
 * Latency from the last byte of a frame written to a pseudo-terminal to the alarm state change
 * in the engine: the full live path (pty, jSerialComm event thread, decoder, core thread,
 * artifact marker, engine). For HL7 the simulated monitor is a TCP client of the station's MLLP
 * listener on the loopback interface and the last byte is the message's closing {@code 0x0D}
 * (after {@code 0x1C}): the path adds the listener's connection thread, which frames the message,
 * scans its header for the bed, routes it and answers it; the chair's decoder parses it. Frames
 * alternate between an alarming and a normal value so every frame changes the alarm state (raised
 * / ended); the bench rule has no condition delay, so the measured time is the signal path alone. The clock is the real one.
 */
final class LatencyBench {

    private final ProtocolDriver protocol;
    private final SimDriver simulator;
    private final int frames;
    private final int warmup;

    /** Measures {@code protocol}, fed by its {@code simulator} (same key), after 200 frames of warm-up. */
    LatencyBench(ProtocolDriver protocol, SimDriver simulator, int frames) {
        this(protocol, simulator, frames, 200);
    }

    /** As above with {@code warmup} frames first that are not measured (tests use few). */
    LatencyBench(ProtocolDriver protocol, SimDriver simulator, int frames, int warmup) {
        this.protocol = protocol;
        this.simulator = simulator;
        this.frames = frames;
        this.warmup = warmup;
    }

    /** True when this bench can measure {@code protocol}: a serial or HL7 device that reports HR or SpO2. */
    static boolean measures(ProtocolDriver protocol, SimDriver simulator) {
        return (protocol.defaultLink() instanceof org.vigil.device.protocol.SerialSettings || overTcp(protocol))
                && protocol.newSession().isPresent() == simulator.newResponder().isPresent()
                && (simulator.reports().contains(Vital.HR) || simulator.reports().contains(Vital.SPO2));
    }

    /** True for a device that connects to the station's HL7 listener over TCP rather than a serial port. */
    static boolean overTcp(ProtocolDriver protocol) {
        return protocol.defaultLink() instanceof Hl7Driver.Listen;
    }

    /** Where the last byte is written: {@code pty}, or {@code TCP} for HL7. */
    String link() {
        return overTcp(protocol) ? "TCP" : "pty";
    }

    /** The bench rules: HR very high and SpO2 desat, no delay, not latching. */
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
        String id = protocol.key();
        // HR when the protocol has it (a monitor), else SpO2 (an oximeter)
        boolean hr = simulator.reports().contains(Vital.HR);
        Vital alarming = hr ? Vital.HR : Vital.SPO2;
        Set<Vital> vitals = java.util.EnumSet.of(Vital.HR, Vital.SPO2, Vital.PR, Vital.PI);
        vitals.retainAll(simulator.reports());
        ChairSpec spec = new ChairSpec("bench", "Bench", true, List.of(new ChairSpec.Device(
                new DeviceInfo(id, id, protocol.key(), link(), vitals, true),
                new DeviceAlarmProfile(id, id, Duration.ofSeconds(10), null, null))));
        ChairMonitor chair = new ChairMonitor(spec, config(), clock, core, SessionRecorder.NONE);
        String watched = hr ? "hr.very_high" : "spo2.desat";
        chair.addAlarmListener(e -> {
            if (e.alarmId().equals(watched) && (e.type() == AlarmEventType.RAISED || e.type() == AlarmEventType.ENDED)) {
                changes.offer(System.nanoTime());
            }
        });
        FrameEncoder enc = simulator.newEncoder();
        long[] lat = new long[frames];
        MllpListeners listeners = overTcp(protocol)
                ? new MllpListeners("127.0.0.1", clock.withZone(java.time.ZoneId.systemDefault())) : null;
        Transport wire = null;
        try (PtyTransport pty = listeners == null ? PtyTransport.create() : null) {
            // the station's side: the pty's slave, or the bed of the simulated monitor on a listening port
            Supplier<Transport> stationSide = listeners == null
                    ? () -> new SerialTransport(pty.pty().slavePath(), protocol.defaultSerial())
                    : listeners.transport(0, Hl7SimDriver.BED);
            DeviceConnection conn = new DeviceConnection(id, stationSide, protocol, clock, chair, timer, Duration.ofSeconds(1));
            conn.start();
            // the simulated monitor connects once the station listens (the connection binds the port when it opens)
            wire = listeners == null ? pty : connectMonitor(listeners);
            // a device that must be asked first answers the station's session (association, start
            // command) through its responder; its frames pass only once it may report
            Optional<org.vigil.sim.protocol.Responder> responder = simulator.newResponder();
            Transport device = responder.isPresent()
                    ? new org.vigil.sim.protocol.RespondingLink(wire, responder.get(), clock).start() : wire;
            LocalDateTime t = LocalDateTime.of(2026, 1, 5, 9, 0);
            if (responder.isPresent()) {
                handshake(conn, device, enc, t, vitals);
            }
            int n = 0;
            for (int i = 0; i < frames + warmup; i++) {
                boolean high = i % 2 == 0;
                Map<Vital, Double> v = new EnumMap<>(Vital.class);
                v.put(Vital.SPO2, alarming == Vital.SPO2 && high ? 80.0 : 97.0);
                v.put(Vital.PR, 80.0);
                v.put(Vital.HR, alarming == Vital.HR && high ? 150.0 : 80.0);
                v.put(Vital.PI, 3.5);
                v.keySet().retainAll(vitals);
                byte[] frame = enc.encode(new DeviceOutput(t.plusSeconds(i), v, false, false, "0000012345"));
                // The last byte is the one that completes the frame (Masimo's CR: the LF only follows).
                int end = completedAt(protocol.newDecoder(), frame) - 1;
                device.write(frame, 0, end);
                long t0 = System.nanoTime();
                device.write(frame, end, frame.length - end);
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
            if (wire != null) {
                wire.close();
            }
            if (listeners != null) {
                listeners.close();
            }
            core.shutdownNow();
            timer.shutdownNow();
        }
    }

    /** A simulated HL7 monitor connected to the port {@code listeners} bound for its bed; the acknowledgements are read and dropped. */
    private static Transport connectMonitor(MllpListeners listeners) throws java.io.IOException {
        int port = listeners.boundPort(0);
        if (port < 0) {
            throw new IllegalStateException("the station's HL7 listener did not open");
        }
        TcpTransport tcp = new TcpTransport("127.0.0.1", port);
        tcp.open(new org.vigil.device.transport.TransportListener() {
            @Override
            public void onData(byte[] data, int len) {
                // acknowledgements: the monitor sends on regardless
            }

            @Override
            public void onDisconnected(org.vigil.device.transport.LinkProblem problem) {
                // the next write fails and the bench reports the missing alarm
            }
        });
        return tcp;
    }

    /**
     * Sends ordinary frames until the station's session is up and a frame was decoded (at most
     * 30 s): the association or start command has been answered.
     */
    private static void handshake(DeviceConnection conn, org.vigil.device.transport.Transport device, FrameEncoder enc,
            LocalDateTime t, Set<Vital> vitals) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int i = 0;
        while (!(conn.state() == org.vigil.device.LinkState.CONNECTED && conn.frames() > 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the simulated device did not answer the station's session within 30 s");
            }
            Map<Vital, Double> v = new EnumMap<>(Vital.class);
            v.put(Vital.SPO2, 97.0);
            v.put(Vital.PR, 80.0);
            v.put(Vital.HR, 80.0);
            v.put(Vital.PI, 3.5);
            v.keySet().retainAll(vitals);
            byte[] frame = enc.encode(new DeviceOutput(t.minusSeconds(100 - i++), v, false, false, "0000012345"));
            device.write(frame, 0, frame.length);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    /** How many leading bytes of {@code frame} a fresh decoder needs to produce its frame (its length if never). */
    static int completedAt(FrameDecoder decoder, byte[] frame) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(frame.length);
        boolean[] seen = new boolean[1];
        for (int k = 0; k < frame.length; k++) {
            buf.put(frame[k]);
            buf.flip();
            decoder.decode(buf, f -> seen[0] = true);
            buf.compact();
            if (seen[0]) {
                return k + 1;
            }
        }
        return frame.length;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
