package org.vigil.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.vigil.device.protocol.Protocol;
import org.vigil.device.transport.PtyPair;
import org.vigil.domain.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil bench}: the performance figures of the station core. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures latency, decoder throughput and CPU share on this machine.",
            "Prints:",
            " - latency from the last byte of a frame written to a pseudo-terminal to the alarm state",
            "   change in the engine (p50/p90/p99/max over --frames frames per protocol);",
            " - decoder throughput in frames/s for each protocol;",
            " - CPU share of a running station with both built-in simulated devices (no window);",
            " - with --ui: frame rate, alarm-to-screen latency and CPU with the station window open."},
        footer = {"", "Examples:", "  java -jar vigil.jar bench --frames 2000 --cpu 30s",
            "  java -jar vigil.jar bench --cpu 0 --decode 1s --frames 500 --ui 60s   (on a desktop or under Xvfb)"})
final class BenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--frames", defaultValue = "2000", description = "Frames per protocol for the latency run (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--decode", defaultValue = "3s", description = "Measuring time per decoder (default ${DEFAULT-VALUE}).")
    String decode;

    @Option(names = "--cpu", defaultValue = "20s", description = "Measuring time of the CPU run (default ${DEFAULT-VALUE}; 0 skips it).")
    String cpu;

    @Option(names = "--ui", paramLabel = "DURATION",
            description = "Also run the station window for this long (needs a display) and report frame rate,"
                    + " alarm-to-screen latency and CPU with the window open, e.g. --ui 60s.")
    String ui;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Vigil " + VersionInfo.version() + " bench on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        out.flush();
        if (PtyPair.isSupported()) {
            for (Protocol p : Protocol.values()) {
                Percentiles lat = new LatencyBench(p, frames).run();
                out.printf("latency %-6s last byte on pty -> alarm state change: %s%n", p.key(), lat);
                out.flush();
            }
        } else {
            out.println("latency: skipped, no pseudo-terminals on this OS");
        }
        double secs = Durations.parse(decode).toNanos() / 1e9;
        for (Protocol p : Protocol.values()) {
            DecoderBench.Result r = DecoderBench.run(p, secs);
            out.printf(java.util.Locale.ROOT, "decode  %-6s %,.0f frames/s (%.1f MB/s, %,d frames in %.1f s)%n", p.key(),
                    r.framesPerSecond(), r.megabytesPerSecond(), r.frames(), r.seconds());
            out.flush();
        }
        Duration c = Durations.parse(cpu);
        if (!c.isZero()) {
            CpuBench.Result r = CpuBench.run(c);
            out.printf(java.util.Locale.ROOT,
                    "cpu     station core + 2 simulated devices: %.2f%% of one core (%.2f%% of %d cores) over %.0f s, %d frames%n",
                    r.percentOfOneCore(), r.percentOfMachine(), r.cores(), r.seconds(), r.frames());
        }
        if (ui != null) {
            String why = StationLauncher.noDisplayReason();
            if (why != null) {
                out.println("ui: skipped, " + why);
            } else {
                UiBench.Result r = UiBench.run(Durations.parse(ui));
                out.printf(java.util.Locale.ROOT, "ui      frames: mean %.1f fps, worst 1-s window %.0f fps, frame interval p99 %.1f ms, max %.1f ms%n",
                        r.meanFps(), r.worstSecondFps(), r.p99FrameMillis(), r.maxFrameMillis());
                out.println("ui      alarm raised -> first frame drawing it: " + (r.alarmToFrame() == null ? "no alarms seen" : r.alarmToFrame()));
                out.printf(java.util.Locale.ROOT, "ui      cpu with the window open: %.1f%% of one core (%d cores) over %.0f s%n",
                        r.cpuPercentOfOneCore(), r.cores(), r.seconds());
            }
        }
        out.flush();
        return 0;
    }
}
