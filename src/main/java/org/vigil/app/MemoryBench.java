package org.vigil.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationConfig;
import org.vigil.device.DeviceStream;
import org.vigil.device.ProtocolRegistry;
import org.vigil.session.ChairMonitor;
import org.vigil.session.ChairSpec;
import org.vigil.session.DeviceInfo;
import org.vigil.session.SessionRecorder;
import org.vigil.sim.DeviceEmission;
import org.vigil.sim.Simulation;
import org.vigil.sim.protocol.SimRegistry;
import org.vigil.sim.scenario.DeviceSpec;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioParser;
import org.vigil.ui.ScreenMemoryProbe;

/**
 * Memory of a four-chair station and the time to its first numbers.
 *
 * <p>Time to first numbers: a live {@link Station} with four chairs, each on the two built-in
 * simulated devices (ptys, real time); from the call that starts it until a chair's screen model
 * shows a heart rate or SpO2 number, for the first chair and for all four.
 *
 * <p>Memory, accelerated: four chairs, each a real {@link ChairMonitor} fed the simulators' bytes
 * of the default station scenario through the real decoders on simulated time (looping past its
 * end), with the screen model of each chair (numerics, trends) drained every 100 ms of simulated
 * time, as the frame loop does. No database. After the simulated span: the heap in use after a
 * full garbage collection and the process's resident set (VmRSS).
 */
final class MemoryBench {

    static final int CHAIRS = 4;
    private static final Duration FRAME = Duration.ofMillis(100);

    /** From the call that starts the station; {@code sinceJvmStart}: JVM start to the first chair's numbers. */
    record StartResult(Duration firstChair, Duration allChairs, Duration sinceJvmStart) {
    }

    record MemoryResult(Duration simulated, long heapUsedBytes, long rssBytes, int historyReadings, int trendPoints,
            double wallSeconds) {
    }

    private MemoryBench() {
    }

    /** Starts a live four-chair station on simulated devices and waits for numbers on every chair's screen model. */
    static StartResult timeToFirstNumbers(Duration timeout) throws Exception {
        Path dir = Files.createTempDirectory("vigil-bench");
        StringBuilder yaml = new StringBuilder("chairs:\n");
        for (int i = 1; i <= CHAIRS; i++) {
            yaml.append("  - id: chair-").append(i).append("\n    devices:\n")
                    .append("      - { id: ox, protocol: masimo, port: simulated }\n")
                    .append("      - { id: mon, protocol: ivy, port: simulated }\n");
        }
        Path file = Files.writeString(dir.resolve("station.yaml"), yaml);
        StationConfig cfg = ConfigLoader.forCurrentUser().load(file).withDataDir(dir).withDatabase(dir.resolve("bench.db"));
        long t0 = System.nanoTime();
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            List<ScreenMemoryProbe> screens = new ArrayList<>();
            station.chairs().forEach(c -> screens.add(new ScreenMemoryProbe(c)));
            long[] first = new long[screens.size()];
            long deadline = t0 + timeout.toNanos();
            int shown = 0;
            long uptime = 0;
            while (shown < screens.size() && System.nanoTime() < deadline) {
                for (int i = 0; i < screens.size(); i++) {
                    if (first[i] == 0) {
                        screens.get(i).frame(System.nanoTime());
                        if (screens.get(i).showsNumbers()) {
                            first[i] = System.nanoTime();
                            if (shown == 0) {
                                uptime = ManagementFactory.getRuntimeMXBean().getUptime();
                            }
                            shown++;
                        }
                    }
                }
                LockSupport.parkNanos(1_000_000);
            }
            if (shown < screens.size()) {
                throw new IllegalStateException(shown + " of " + screens.size() + " chairs showed numbers within " + timeout);
            }
            long min = Long.MAX_VALUE;
            long max = 0;
            for (long f : first) {
                min = Math.min(min, f - t0);
                max = Math.max(max, f - t0);
            }
            return new StartResult(Duration.ofNanos(min), Duration.ofNanos(max), Duration.ofMillis(uptime));
        }
    }

    /** Feeds {@code span} of simulated data to four chairs and their screen models, then measures memory. */
    static MemoryResult accelerated(Duration span) throws Exception {
        Scenario scenario = defaultScenario();
        Instant t0 = ScenarioRunner.origin(scenario);
        ScenarioRunner.SimClock clock = new ScenarioRunner.SimClock(t0);
        List<ChairMonitor> chairs = new ArrayList<>();
        List<ScreenMemoryProbe> screens = new ArrayList<>();
        List<Map<String, DeviceStream>> streams = new ArrayList<>();
        ProtocolRegistry protocols = ProtocolRegistry.standard();
        for (int i = 1; i <= CHAIRS; i++) {
            List<ChairSpec.Device> devices = new ArrayList<>();
            for (Map.Entry<String, DeviceSpec> e : scenario.devices().entrySet()) {
                DeviceSpec d = e.getValue();
                devices.add(new ChairSpec.Device(new DeviceInfo(e.getKey(), e.getKey(), d.protocol(), "simulated",
                        d.reports(), true), new DeviceAlarmProfile(e.getKey(), e.getKey(), Duration.ofSeconds(10),
                                d.reportsNibp() ? d.nibpInterval() : null, d.sameArmAs().orElse(null))));
            }
            ChairMonitor chair = new ChairMonitor(new ChairSpec("chair-" + i, "Chair " + i, true, devices),
                    AlarmConfig.defaults(), clock, Runnable::run, SessionRecorder.NONE);
            Map<String, DeviceStream> s = new LinkedHashMap<>();
            for (Map.Entry<String, DeviceSpec> e : scenario.devices().entrySet()) {
                s.put(e.getKey(), new DeviceStream(e.getKey(), protocols.require(e.getValue().protocol()).newDecoder(), clock,
                        chair::onReadings));
            }
            chairs.add(chair);
            screens.add(new ScreenMemoryProbe(chair));
            streams.add(s);
        }
        long wall0 = System.nanoTime();
        long end = span.toNanos();
        long loop = scenario.duration().toNanos();
        long offset = 0;
        Iterator<DeviceEmission> emissions = new Simulation(scenario, SimRegistry.standard()::newEncoder).mergedEmissions();
        DeviceEmission next = emissions.next();
        long tick = 0;
        long frame = 0;
        while (tick <= end) {
            long at = offset + next.emission().at().toNanos();
            if (at <= tick) {
                // bytes at an instant come before that instant's tick, as in the scenario runner
                clock.set(t0.plusNanos(at));
                byte[] b = next.emission().bytes();
                for (Map<String, DeviceStream> s : streams) {
                    s.get(next.deviceId()).receive(b, b.length);
                }
                if (!emissions.hasNext()) {
                    // the scenario ended: play it again from its start, later by its length
                    offset += loop;
                    emissions = new Simulation(scenario, SimRegistry.standard()::newEncoder).mergedEmissions();
                }
                next = emissions.next();
                continue;
            }
            clock.set(t0.plusNanos(tick));
            chairs.forEach(ChairMonitor::tick);
            if (tick >= frame) {
                for (ScreenMemoryProbe p : screens) {
                    p.frame(tick);
                }
                frame += FRAME.toNanos();
            }
            tick += ScenarioRunner.TICK.toNanos();
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        int history = 0;
        int trend = 0;
        for (int i = 0; i < CHAIRS; i++) {
            history += chairs.get(i).history().size();
            trend += screens.get(i).trendPoints();
        }
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rss = rssBytes();
        // keep everything measured reachable until after the measurement
        java.lang.ref.Reference.reachabilityFence(chairs);
        java.lang.ref.Reference.reachabilityFence(screens);
        java.lang.ref.Reference.reachabilityFence(streams);
        return new MemoryResult(span, heap, rss, history, trend, wall);
    }

    /** VmRSS from /proc/self/status, or -1 where there is none. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static Scenario defaultScenario() throws Exception {
        try (InputStream in = MemoryBench.class.getClassLoader().getResourceAsStream(SimulatedDevices.DEFAULT_SCENARIO)) {
            if (in == null) {
                throw new IOException("built-in scenario " + SimulatedDevices.DEFAULT_SCENARIO + " missing from the build");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return new ScenarioParser().parse("default-station.yaml", r);
            }
        }
    }
}
