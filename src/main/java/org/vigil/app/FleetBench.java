package org.vigil.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationConfig;
import org.vigil.device.LinkState;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.transport.PtyTransport;
import org.vigil.device.transport.Transport;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.Simulation;
import org.vigil.sim.live.LivePlayer;
import org.vigil.sim.live.Sleeper;
import org.vigil.sim.protocol.FrameEncoder;
import org.vigil.sim.protocol.Hl7Encoder;
import org.vigil.sim.protocol.SimRegistry;
import org.vigil.sim.scenario.ScenarioParser;
import org.vigil.storage.SessionSummary;
import org.vigil.storage.VigilDatabase;

/**
 * The station with a fleet of simulated devices at once. The standard fleet ({@link #standard()})
 * is {@link #CHAIRS} chairs of five devices: four over pseudo-terminals (a pleth oximeter
 * streaming at its native rate, Nonin 75 samples/s on four chairs and Contec 60 packets/s on the
 * other four; a Masimo; an Ivy monitor; and in turn an IntelliVue, a GE S/5, a Nellcor or a Nonin
 * data format 8), and an HL7 monitor that connects over TCP to the station's MLLP listener and
 * pushes an ORU^R01 for its bed every second. The request/response devices answer the station's
 * sessions.
 *
 * <p>The simulators run in this JVM (player, responder and HL7 client threads), so the station's
 * CPU is the CPU time of every other thread, from the JVM's per-thread counters, over the
 * measuring window. The players start only once the station has opened every link, so no frame
 * is cut by a port opened late. Every byte a simulator writes also goes through a reference
 * decoder of its protocol ({@link CountingLink}): per device, frames sent against frames the
 * station decoded on that chair's link once the players stop and the links drain, and bytes the
 * station's decoder skipped against those the reference decoder skipped in what was sent. Each
 * chair's patient has its own pulse rate ({@link #pulseOf}), so a reading recorded in another
 * chair's session shows.
 */
final class FleetBench {

    static final int CHAIRS = 8;
    /** The fourth device of each chair, in turn. */
    private static final String[] FOURTH = {"intellivue", "ge-s5", "nellcor", "nonin-df8"};
    /** The protocols that stream a pleth wave at the oximeter's native rate (Nonin #2 and #7: 75/s; Contec 60/s). */
    private static final java.util.Set<String> PLETH = java.util.Set.of("nonin", "nonin-df7", "contec");
    /** The station's threads are all the others. */
    private static final List<String> SIMULATOR_THREADS = List.of("sim-player", "pty-read-", "tcp-reader-");
    /** How long the station may take to open every link, and the links to drain after the players stop. */
    private static final Duration OPEN_WAIT = Duration.ofSeconds(30);
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(10);

    /** One device of a chair: its id and protocol key. */
    record Device(String id, String protocol) {
        boolean overTcp() {
            return protocol.equals("hl7");
        }
    }

    /** The standard fleet: {@link #CHAIRS} chairs, 32 devices on ptys and {@link #CHAIRS} HL7 monitors over TCP. */
    static List<List<Device>> standard() {
        List<List<Device>> chairs = new ArrayList<>();
        for (int c = 0; c < CHAIRS; c++) {
            chairs.add(List.of(new Device("ox", c < CHAIRS / 2 ? "nonin" : "contec"), new Device("ox2", "masimo"),
                    new Device("mon", "ivy"), new Device("mon2", FOURTH[c % FOURTH.length]), new Device("net", "hl7")));
        }
        return chairs;
    }

    /** The pulse (HR and PR) of chair {@code c}'s patient (0-based): 70 + c, one per chair. */
    static int pulseOf(int chair) {
        return 70 + chair;
    }

    /** One device's counts at the end of a run. */
    record DeviceResult(String chairId, String deviceId, String protocol, boolean overTcp, long framesSent,
            long framesDecoded, long sentSkippedBeforeFirstFrame, long sentSkippedAfterFirstFrame,
            long skippedBeforeFirstFrame, long skippedAfterFirstFrame, long ptyDroppedBytes, long pulseReadings,
            long foreignPulseReadings) {

        /** Frames sent and not decoded (never negative, so one device's surplus cannot hide another's loss). */
        long lostFrames() {
            return Math.max(0, framesSent - framesDecoded);
        }

        /** Bytes the station skipped that were not skipped in what the simulator sent: counted as lost. */
        long unexplainedSkipped() {
            return Math.max(0, skippedBeforeFirstFrame + skippedAfterFirstFrame - sentSkippedBeforeFirstFrame
                    - sentSkippedAfterFirstFrame);
        }
    }

    record Result(List<DeviceResult> devices, int plethDevices, double seconds, double stationCpuSeconds,
            double allCpuSeconds) {
        double stationPercentOfOneCore() {
            return 100 * stationCpuSeconds / seconds;
        }

        double allPercentOfOneCore() {
            return 100 * allCpuSeconds / seconds;
        }

        /** The devices of {@code protocol}, all when null. */
        List<DeviceResult> of(String protocol) {
            return devices.stream().filter(d -> protocol == null || d.protocol().equals(protocol)).toList();
        }

        /** Protocol keys in order of first appearance. */
        List<String> protocols() {
            return devices.stream().map(DeviceResult::protocol).distinct().toList();
        }
    }

    /** The standard fleet for {@code length} after 5 s of settling; its temporary folder is removed after. */
    static Result run(Duration length) throws Exception {
        Path dir = Files.createTempDirectory("vigil-fleet");
        try {
            return run(standard(), dir, Duration.ofSeconds(5), length, 0);
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Runs {@code fleet} (one list of devices per chair) with the station's data in {@code dir}: the
     * players play for {@code settle}, then the measuring window lasts {@code length} and at least
     * until every device has had {@code minFrames} frames decoded (at most 60 s more).
     */
    static Result run(List<List<Device>> fleet, Path dir, Duration settle, Duration length, long minFrames)
            throws Exception {
        ProtocolRegistry protocols = ProtocolRegistry.standard();
        SimRegistry sims = SimRegistry.standard();
        int hl7Port = fleet.stream().flatMap(List::stream).anyMatch(Device::overTcp) ? freePort() : 0;
        List<FleetLink> links = new ArrayList<>();
        List<LivePlayer> players = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("station:\n  data_dir: data\nchairs:\n");
        for (int c = 0; c < fleet.size(); c++) {
            String chairId = "chair-" + (c + 1);
            yaml.append("  - id: ").append(chairId).append("\n    devices:\n");
            for (Device d : fleet.get(c)) {
                PtyTransport pty = d.overTcp() ? null : PtyTransport.create();
                links.add(new FleetLink(chairId, c, d, pty));
                yaml.append("      - { id: ").append(d.id()).append(", protocol: ").append(d.protocol());
                if (d.overTcp()) {
                    yaml.append(", listen: ").append(hl7Port).append(", bed: ").append(bedOf(c));
                } else {
                    yaml.append(", port: \"").append(pty.pty().slavePath()).append('"');
                }
                yaml.append(d.protocol().equals("ivy") ? ", vitals: [hr, nibp]" : "").append(" }\n");
            }
        }
        Files.writeString(dir.resolve("station.yaml"), yaml);
        StationConfig cfg = ConfigLoader.forCurrentUser().load(dir.resolve("station.yaml"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Station.DeviceTally> tallies;
        double seconds;
        double stationCpu;
        double allCpu;
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            // the station opens every port (and binds the HL7 listener) before a simulator says a word
            await(() -> station.deviceTallies().stream().allMatch(t -> t.state() != LinkState.CONNECTING), OPEN_WAIT,
                    "the station did not open every device's link");
            for (FleetLink l : links) {
                l.open(protocols, sims, hl7Port);
            }
            for (int c = 0; c < fleet.size(); c++) {
                players.add(player(fleet.get(c), c, links, sims));
            }
            players.forEach(LivePlayer::start);
            // the sessions negotiate and the JIT settles
            LockSupport.parkNanos(settle.toNanos());
            Map<Long, Long> station0 = new LinkedHashMap<>();
            Map<Long, Long> all0 = new LinkedHashMap<>();
            cpu(threads, station0, all0);
            long wall0 = System.nanoTime();
            LockSupport.parkNanos(length.toNanos());
            await(() -> station.deviceTallies().stream().allMatch(t -> t.frames() >= minFrames), Duration.ofSeconds(60),
                    "not every device had " + minFrames + " frames decoded");
            Map<Long, Long> station1 = new LinkedHashMap<>();
            Map<Long, Long> all1 = new LinkedHashMap<>();
            cpu(threads, station1, all1);
            seconds = (System.nanoTime() - wall0) / 1e9;
            stationCpu = delta(station0, station1);
            allCpu = delta(all0, all1);
            players.forEach(LivePlayer::stop);
            // the links drain: what was written reaches the decoders (or never will)
            awaitQuietly(() -> drained(station.deviceTallies(), links), DRAIN_WAIT);
            tallies = station.deviceTallies();
        } finally {
            players.forEach(LivePlayer::stop);
            links.forEach(FleetLink::close);
        }
        // every reading the chairs took, as recorded in each chair's session (a second device of
        // the same vital is recorded but neither shown nor alarmed on)
        Map<String, List<Reading>> recorded = new LinkedHashMap<>();
        try (VigilDatabase db = VigilDatabase.open(cfg.database())) {
            for (SessionSummary s : db.sessions().listSessions()) {
                recorded.computeIfAbsent(s.chairId(), k -> new ArrayList<>()).addAll(db.sessions().readings(s.id()));
            }
        }
        List<DeviceResult> results = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            FleetLink l = links.get(i);
            results.add(l.result(tallies.get(i), recorded.getOrDefault(l.chairId(), List.of())));
        }
        int pleth = (int) results.stream().filter(r -> PLETH.contains(r.protocol())).count();
        return new Result(results, pleth, seconds, stationCpu, allCpu);
    }

    /** The simulated patient of chair {@code c}: every device reports what it can, the pulse is the chair's. */
    private static LivePlayer player(List<Device> devices, int c, List<FleetLink> links, SimRegistry sims) throws Exception {
        StringBuilder scenario = new StringBuilder("name: fleet chair " + (c + 1) + "\nduration: 1h\ndevices:\n");
        for (Device d : devices) {
            scenario.append("  ").append(d.id()).append(": { protocol: ").append(d.protocol()).append(", reports: ")
                    .append(reports(sims, d.protocol())).append(" }\n");
        }
        scenario.append("vitals: { hr: ").append(pulseOf(c)).append(", pr: ").append(pulseOf(c))
                .append(", spo2: 97, rr: 14, nibp: 120/80 }\n");
        // an HL7 monitor names its chair's bed; every other encoder is the protocol's own
        java.util.function.Function<String, FrameEncoder> encoders = key -> key.equals("hl7")
                ? new Hl7Encoder(bedOf(c)) : sims.newEncoder(key);
        Simulation sim = new Simulation(new ScenarioParser().parse("fleet-" + c + ".yaml", scenario.toString()), encoders);
        Map<String, DeviceScript> scripts = new LinkedHashMap<>();
        Map<String, Transport> transports = new LinkedHashMap<>();
        for (FleetLink l : links) {
            if (l.chair() == c) {
                scripts.put(l.device().id(), sim.script(l.device().id()));
                transports.put(l.device().id(), l.playerSide());
            }
        }
        return new LivePlayer(scripts, transports, InstantSource.system(), Sleeper.PARK, true);
    }

    static String bedOf(int chair) {
        return "B-" + (chair + 1);
    }

    /** True once every device's decoded frames and skipped bytes caught up with what its simulator wrote. */
    private static boolean drained(List<Station.DeviceTally> tallies, List<FleetLink> links) {
        for (int i = 0; i < links.size(); i++) {
            CountingLink c = links.get(i).counting();
            Station.DeviceTally t = tallies.get(i);
            if (t.frames() < c.frames() || t.skippedBeforeFirstFrame() + t.skippedAfterFirstFrame()
                    < c.skippedBeforeFirstFrame() + c.skippedAfterFirstFrame()) {
                return false;
            }
        }
        return true;
    }

    /** Waits until {@code done}, checking every 10 ms, at most {@code bound}; throws when it never came. */
    private static void await(BooleanSupplier done, Duration bound, String failure) {
        if (!awaitQuietly(done, bound)) {
            throw new IllegalStateException(failure + " within " + bound.toSeconds() + " s");
        }
    }

    private static boolean awaitQuietly(BooleanSupplier done, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return true;
    }

    /** A TCP port free now on this machine, for the station's HL7 listener. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** What the simulator of {@code protocol} can send, as a scenario's {@code reports} list. */
    private static String reports(SimRegistry sims, String protocol) {
        List<String> keys = new ArrayList<>();
        for (Vital v : sims.require(protocol).reports()) {
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
            if (SIMULATOR_THREADS.stream().noneMatch(t.getThreadName()::startsWith)) {
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

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
