package org.vigil.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationConfig;
import org.vigil.chair.ChairFeed;
import org.vigil.ui.StationStage;

/**
 * The live view under load: the real station window on both simulated devices, with an
 * oximeter whose SpO2 drops below the desaturation limit every few seconds (desat set to not
 * latch for the run, so every drop raises a new alarm). Measures the frame rate the screen
 * keeps, frame-interval jitter, the time from an alarm being raised to the first frame that
 * draws it, and the process CPU share with the window open. Needs a display.
 */
final class UiBench {

    record Result(double seconds, double meanFps, double worstSecondFps, double p99FrameMillis, double maxFrameMillis,
            Percentiles alarmToFrame, double cpuPercentOfOneCore, int cores) {
    }

    static Result run(Duration length) throws Exception {
        Path dir = Files.createTempDirectory("vigil-uibench");
        Files.writeString(dir.resolve("toggle.yaml"), scenario(length.plusSeconds(30)));
        Files.writeString(dir.resolve("station.yaml"), """
                station:
                  data_dir: data
                chairs:
                  - id: chair-1
                    label: Chair 1
                    devices:
                      - { id: ox, protocol: masimo, port: "simulated:toggle.yaml" }
                      - { id: mon, protocol: ivy, port: "simulated:toggle.yaml", vitals: [hr, rr, nibp] }
                alarms:
                  limits:
                    spo2.desat: { latching: false }
                """);
        StationConfig cfg = ConfigLoader.forCurrentUser().load(dir.resolve("station.yaml"));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            List<ProbingFeed> probes = new ArrayList<>();
            for (ChairFeed f : station.chairs()) {
                probes.add(new ProbingFeed(f, (int) (length.toSeconds() + 30) * 250, 10_000));
            }
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            StationStage.showAndWait(List.copyOf(probes), org.vigil.chair.StationAdmin.DISABLED, "Vigil UI bench", length);
            long cpu1 = os.getProcessCpuTime();
            long wall1 = System.nanoTime();
            ProbingFeed p = probes.get(0);
            return summarize(p.frameTimes(), p.latency(), (wall1 - wall0) / 1e9, (cpu1 - cpu0) / 1e9);
        }
    }

    private static Result summarize(long[] frames, Percentiles alarmToFrame, double seconds, double cpuSeconds) {
        // skip the first 3 s (window opening, JIT)
        long start = frames[0] + 3_000_000_000L;
        List<Long> kept = new ArrayList<>();
        for (long f : frames) {
            if (f >= start) {
                kept.add(f);
            }
        }
        int n = kept.size();
        long[] intervals = new long[Math.max(1, n - 1)];
        for (int i = 1; i < n; i++) {
            intervals[i - 1] = kept.get(i) - kept.get(i - 1);
        }
        Percentiles iv = Percentiles.ofNanos(intervals, intervals.length);
        double span = (kept.get(n - 1) - kept.get(0)) / 1e9;
        double worst = Double.MAX_VALUE;
        int j = 0;
        for (long w = kept.get(0); w + 1_000_000_000L <= kept.get(n - 1); w += 1_000_000_000L) {
            int c = 0;
            while (j < n && kept.get(j) < w) {
                j++;
            }
            int k = j;
            while (k < n && kept.get(k) < w + 1_000_000_000L) {
                k++;
                c++;
            }
            worst = Math.min(worst, c);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return new Result(seconds, (n - 1) / span, worst, iv.p99() / 1000.0, iv.max() / 1000.0, alarmToFrame,
                100 * cpuSeconds / seconds, cores);
    }

    /** Both devices report normally; SpO2 drops to 80 for 2 s every 5 s. */
    private static String scenario(Duration length) {
        StringBuilder events = new StringBuilder();
        for (long t = 5; t < length.toSeconds(); t += 5) {
            events.append("  - { at: ").append(t).append("s, set: { spo2: 80 } }\n");
            events.append("  - { at: ").append(t + 2).append("s, set: { spo2: 97 } }\n");
        }
        return "name: UI bench, SpO2 dips every 5 s\n"
                + "duration: " + length.toSeconds() + "s\n"
                + "devices:\n"
                + "  ox:  { protocol: masimo, reports: [spo2, pr, pi] }\n"
                + "  mon: { protocol: ivy, reports: [hr, rr, nibp], nibp_interval: 1m }\n"
                + "vitals: { hr: 74, pr: 74, spo2: 97, pi: 3.1, rr: 14, nibp: 126/80 }\n"
                + "events:\n" + events;
    }
}
