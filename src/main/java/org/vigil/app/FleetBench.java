package org.vigil.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationConfig;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.transport.PtyTransport;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.Simulation;
import org.vigil.sim.live.LivePlayer;
import org.vigil.sim.live.Sleeper;
import org.vigil.sim.protocol.RespondingLink;
import org.vigil.sim.protocol.SimRegistry;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioParser;

/**
 * The station with a fleet of simulated devices at once: {@link #CHAIRS} chairs of four devices
 * each over pseudo-terminals, mixed protocols, one pleth oximeter per chair streaming at its
 * native rate (Nonin 75 samples/s on four chairs, Contec 60 packets/s on the other four), the
 * request/response devices answering the station's sessions. The simulators run in this JVM
 * (player and responder threads), so the station's CPU is the CPU time of every other thread,
 * from the JVM's per-thread counters, over the measuring window. Every byte the simulators put
 * on a pty also goes through a reference decoder of its protocol: frames sent minus frames the
 * station decoded, after the players stop and the links drain, are the frames lost.
 */
final class FleetBench {

    static final int CHAIRS = 8;
    /** The fourth device of each chair, in turn. */
    private static final String[] FOURTH = {"intellivue", "ge-s5", "nellcor", "nonin-df8"};

    record Result(int devices, int plethDevices, double seconds, double stationCpuSeconds, double allCpuSeconds,
            long framesSent, long framesReceived, long discardedBytes) {
        double stationPercentOfOneCore() {
            return 100 * stationCpuSeconds / seconds;
        }

        double allPercentOfOneCore() {
            return 100 * allCpuSeconds / seconds;
        }

        long lostFrames() {
            return framesSent - framesReceived;
        }
    }

    /** A pty that also decodes what is written to it, to count the frames sent. */
    private static final class CountingPty implements Transport {
        private final PtyTransport pty;
        private final FrameDecoder reference;
        private final ByteBuffer buffer;
        final AtomicLong frames = new AtomicLong();

        CountingPty(PtyTransport pty, FrameDecoder reference) {
            this.pty = pty;
            this.reference = reference;
            this.buffer = ByteBuffer.allocate(Math.max(65_536, reference.maxFrameLength() * 4));
        }

        @Override
        public String describe() {
            return pty.describe();
        }

        @Override
        public void open(TransportListener listener) throws IOException {
            pty.open(listener);
        }

        @Override
        public synchronized void write(byte[] data, int off, int len) throws IOException {
            pty.write(data, off, len);
            int end = off + len;
            while (off < end) {
                int n = Math.min(end - off, buffer.remaining());
                buffer.put(data, off, n);
                off += n;
                buffer.flip();
                reference.decode(buffer, f -> frames.incrementAndGet());
                buffer.compact();
                if (!buffer.hasRemaining()) {
                    buffer.clear();
                }
            }
        }

        @Override
        public boolean isOpen() {
            return pty.isOpen();
        }

        @Override
        public void close() {
            pty.close();
        }
    }

    static Result run(Duration length) throws Exception {
        Path dir = Files.createTempDirectory("vigil-fleet");
        ProtocolRegistry protocols = ProtocolRegistry.standard();
        SimRegistry sims = SimRegistry.standard();
        List<CountingPty> ptys = new ArrayList<>();
        List<LivePlayer> players = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("station:\n  data_dir: data\nchairs:\n");
        int pleth = 0;
        try {
            for (int c = 0; c < CHAIRS; c++) {
                String ox = c < CHAIRS / 2 ? "nonin" : "contec";
                pleth++;
                Map<String, String> devices = new LinkedHashMap<>();
                devices.put("ox", ox);
                devices.put("ox2", "masimo");
                devices.put("mon", "ivy");
                devices.put("mon2", FOURTH[c % FOURTH.length]);
                StringBuilder scenario = new StringBuilder("name: fleet chair " + (c + 1) + "\nduration: 1h\ndevices:\n");
                devices.forEach((id, p) -> scenario.append("  ").append(id).append(": { protocol: ").append(p)
                        .append(", reports: ").append(reports(sims, p)).append(" }\n"));
                scenario.append("vitals: { hr: ").append(70 + c).append(", pr: ").append(70 + c)
                        .append(", spo2: 97, rr: 14, nibp: 120/80 }\n");
                Scenario s = new ScenarioParser().parse("fleet-" + c + ".yaml", scenario.toString());
                Simulation sim = new Simulation(s, sims::newEncoder);
                Map<String, DeviceScript> scripts = new LinkedHashMap<>();
                Map<String, Transport> links = new LinkedHashMap<>();
                yaml.append("  - id: chair-").append(c + 1).append("\n    devices:\n");
                for (Map.Entry<String, String> d : devices.entrySet()) {
                    PtyTransport pty = PtyTransport.create();
                    CountingPty counting = new CountingPty(pty, protocols.require(d.getValue()).newDecoder());
                    ptys.add(counting);
                    var responder = sims.require(d.getValue()).newResponder();
                    Transport link = responder.isPresent()
                            ? new RespondingLink(counting, responder.get(), InstantSource.system()).start() : counting;
                    scripts.put(d.getKey(), sim.script(d.getKey()));
                    links.put(d.getKey(), link);
                    yaml.append("      - { id: ").append(d.getKey()).append(", protocol: ").append(d.getValue())
                            .append(", port: \"").append(pty.pty().slavePath()).append("\"")
                            .append(d.getKey().equals("mon") ? ", vitals: [hr, nibp]" : "").append(" }\n");
                }
                players.add(new LivePlayer(scripts, links, InstantSource.system(), Sleeper.PARK, true));
            }
            Path file = dir.resolve("station.yaml");
            Files.writeString(file, yaml);
            StationConfig cfg = ConfigLoader.forCurrentUser().load(file);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            try (Station station = Station.start(cfg, InstantSource.system(), false)) {
                players.forEach(LivePlayer::start);
                // let the links open, the sessions negotiate and the JIT settle
                LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
                Map<Long, Long> station0 = new LinkedHashMap<>();
                Map<Long, Long> all0 = new LinkedHashMap<>();
                cpu(threads, station0, all0);
                long wall0 = System.nanoTime();
                LockSupport.parkNanos(length.toNanos());
                Map<Long, Long> station1 = new LinkedHashMap<>();
                Map<Long, Long> all1 = new LinkedHashMap<>();
                cpu(threads, station1, all1);
                double seconds = (System.nanoTime() - wall0) / 1e9;
                players.forEach(LivePlayer::stop);
                // the links drain: what was written reaches the decoders
                LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
                long sent = ptys.stream().mapToLong(p -> p.frames.get()).sum();
                return new Result(CHAIRS * 4, pleth, seconds, delta(station0, station1), delta(all0, all1), sent,
                        station.framesReceived(), station.discardedBytes());
            }
        } finally {
            players.forEach(LivePlayer::stop);
            ptys.forEach(CountingPty::close);
        }
    }

    /** What the simulator of {@code protocol} can send, as a scenario's {@code reports} list. */
    private static String reports(SimRegistry sims, String protocol) {
        List<String> keys = new ArrayList<>();
        for (org.vigil.domain.Vital v : sims.require(protocol).reports()) {
            String k = v.isNibp() ? "nibp" : v.key();
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        return keys.toString();
    }

    /** CPU nanoseconds per live thread: the station's threads and all threads. */
    private static void cpu(ThreadMXBean threads, Map<Long, Long> station, Map<Long, Long> all) {
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long ns = threads.getThreadCpuTime(t.getThreadId());
            if (ns < 0) {
                continue;
            }
            all.put(t.getThreadId(), ns);
            String name = t.getThreadName();
            if (!name.startsWith("sim-player") && !name.startsWith("pty-read-")) {
                station.put(t.getThreadId(), ns);
            }
        }
    }

    private static double delta(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum / 1e9;
    }
}
