package org.vigil.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.sim.protocol.SimDriver;
import org.vigil.sim.protocol.SimRegistry;
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
            " - latency from the last byte of a frame written to a pseudo-terminal (HL7: to the station's",
            "   MLLP listener over TCP) to the alarm state change in the engine (p50/p90/p99/max over",
            "   --frames frames per protocol);",
            " - decoder throughput in frames/s and MB/s for each protocol;",
            " - CPU share of a running station with both built-in simulated devices (no window);",
            " - with --ui: frame rate, alarm-to-screen latency and CPU with the station window open;",
            " - with --memory: time from start to the first numbers of a live four-chair station on",
            "   simulated devices, then resident memory (VmRSS) and heap after GC of four chairs fed",
            "   that span of simulated 1 Hz data, accelerated on simulated time; one 'name value unit'",
            "   line per figure. Run it alone (--frames 0 --decode 0 --cpu 0) for a clean RSS;",
            " - with --fleet: CPU of a station with " + FleetBench.CHAIRS * 4 + " simulated devices on ptys (mixed protocols,",
            "   " + FleetBench.CHAIRS + " streaming pleth at their native rate) and " + FleetBench.CHAIRS
                    + " HL7 monitors over TCP at once; frames sent,",
            "   decoded and lost and bytes skipped, for the fleet and per protocol.",
            "Latency and decoder figures are also printed as 'name value unit' lines."},
        footer = {"", "Examples:", "  java -jar vigil.jar bench --frames 2000 --cpu 30s",
            "  java -jar vigil.jar bench --frames 0 --decode 0 --cpu 0 --memory 30m",
            "  java -jar vigil.jar bench --cpu 0 --decode 1s --frames 500 --ui 60s   (on a desktop or under Xvfb)",
            "  java -jar vigil.jar bench --review --frames 0 --decode 0 --cpu 0",
            "  java -jar vigil.jar bench --frames 0 --decode 0 --cpu 0 --fleet 60s"})
final class BenchCommand implements Callable<Integer> {

    ProtocolRegistry protocols = ProtocolRegistry.standard();
    SimRegistry simulators = SimRegistry.standard();

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

    @Option(names = "--memory", paramLabel = "DURATION",
            description = "Also measure the time to first numbers of a live four-chair station and the memory of four"
                    + " chairs after this much simulated data, fed accelerated on simulated time, e.g. --memory 30m."
                    + " Runs before the other figures.")
    String memory;

    @Option(names = "--clinic-day", paramLabel = "DURATION",
            description = "Also run " + ClinicDayBench.CHAIRS + " chairs through a clinic day of this much simulated time"
                    + " (sessions one after another, recorded to a database), accelerated, and report the resident set"
                    + " over the day, CPU and the cold start of a live " + ClinicDayBench.CHAIRS + "-chair station,"
                    + " e.g. --clinic-day 8h. Runs before the other figures.")
    String clinicDay;

    @Option(names = "--review",
            description = "Also measure the review of past sessions on generated data (seeded): opening a 100-minute"
                    + " session with a 75 Hz pleth, opening the 32-hour MIMIC-II numerics replayed into a session, the"
                    + " session list query with 5,000 sessions (these run before the other figures); and, with a display"
                    + " or Xvfb, the list's first paint after a click on Review and the frame time while panning the"
                    + " review chart next to stock LineChart drawing the same points (after the other figures, before"
                    + " --ui). With --frames 0 --decode 0 --cpu 0 it takes about 2 minutes.")
    boolean review;

    @Option(names = "--fleet", paramLabel = "DURATION",
            description = "Also run a station with " + FleetBench.CHAIRS * 4 + " simulated devices on ptys and "
                    + FleetBench.CHAIRS + " HL7 monitors over TCP at once for this long and report its CPU, the frames"
                    + " sent, decoded and lost and the bytes skipped, per protocol, e.g. --fleet 60s. Runs before the"
                    + " other figures.")
    String fleet;

    @Option(names = "--export", description = "Also measure the export time of a 100-minute session (and of the 32-hour"
            + " MIMIC-II recording with --export-mimic) in each format, read from a database. Runs before the other figures.")
    boolean export;

    @Option(names = "--export-mimic", paramLabel = "FILE",
            description = "The MIMIC-II 1-minute numerics CSV (mimic2_s00001_numerics_1min.csv) for --export; skipped without it.")
    java.nio.file.Path exportMimic;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Vigil " + VersionInfo.version() + " bench on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        out.flush();
        if (memory != null) {
            memory(out, Durations.parse(memory));
        }
        if (clinicDay != null) {
            clinicDay(out, Durations.parse(clinicDay));
        }
        ReviewBench reviewData = review ? ReviewBench.run(out) : null;
        try {
            return figures(out, reviewData);
        } finally {
            if (reviewData != null) {
                reviewData.close();
            }
            org.vigil.ui.BenchToolkit.exit(); // the review's window figures leave it running
        }
    }

    private int figures(PrintWriter out, ReviewBench reviewData) throws Exception {
        if (fleet != null) {
            fleet(out, Durations.parse(fleet));
        }
        if (export) {
            ExportBench.run(out, exportMimic);
        }
        if (frames > 0 && PtyPair.isSupported()) {
            for (ProtocolDriver p : protocols.all()) {
                SimDriver sim = simulators.find(p.key()).orElse(null);
                if (sim == null || !LatencyBench.measures(p, sim)) {
                    continue;
                }
                LatencyBench bench = new LatencyBench(p, sim, frames);
                Percentiles lat = bench.run();
                out.printf("latency %-6s last byte on %s -> alarm state change: %s%n", p.key(), bench.link(), lat);
                out.printf(java.util.Locale.ROOT, "latency_%s_p50 %.0f us%nlatency_%s_p99 %.0f us%n", p.key(), lat.p50(),
                        p.key(), lat.p99());
                out.flush();
            }
        } else if (frames > 0) {
            out.println("latency: skipped, no pseudo-terminals on this OS");
        }
        double secs = Durations.parse(decode).toNanos() / 1e9;
        for (ProtocolDriver p : secs > 0 ? protocols.all() : List.<ProtocolDriver>of()) {
            SimDriver sim = simulators.find(p.key()).orElse(null);
            if (sim == null) {
                continue;
            }
            DecoderBench.Result r = DecoderBench.run(p, sim, secs);
            out.printf(java.util.Locale.ROOT, "decode  %-6s %,.0f frames/s (%.1f MB/s, %,d frames in %.1f s)%n", p.key(),
                    r.framesPerSecond(), r.megabytesPerSecond(), r.frames(), r.seconds());
            out.printf(java.util.Locale.ROOT, "decode_%s_frames %.0f frames/s%ndecode_%s_bytes %.2f MB/s%n", p.key(),
                    r.framesPerSecond(), p.key(), r.megabytesPerSecond());
            out.flush();
        }
        Duration c = Durations.parse(cpu);
        if (!c.isZero()) {
            CpuBench.Result r = CpuBench.run(c);
            out.printf(java.util.Locale.ROOT,
                    "cpu     station core + 2 simulated devices: %.2f%% of one core (%.2f%% of %d cores) over %.0f s, %d frames%n",
                    r.percentOfOneCore(), r.percentOfMachine(), r.cores(), r.seconds(), r.frames());
        }
        if (reviewData != null) {
            // before --ui: its window exits the JavaFX toolkit, which cannot start again in this process
            String why = StationLauncher.noDisplayReason();
            if (why != null) {
                out.println("review: window figures skipped (list first paint, chart pan), " + why);
            } else {
                reviewData.windowFigures(out);
            }
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

    /** The fleet figures, one {@code name value unit} line each ({@link FleetReport}). */
    private static void fleet(PrintWriter out, Duration length) throws Exception {
        if (!PtyPair.isSupported()) {
            out.println("fleet: skipped, no pseudo-terminals on this OS");
            return;
        }
        FleetReport.print(out, FleetBench.run(length));
    }

    /** The clinic-day figures, one {@code name value unit} line each. */
    private static void clinicDay(PrintWriter out, Duration day) throws Exception {
        if (PtyPair.isSupported()) {
            MemoryBench.StartResult s = MemoryBench.timeToFirstNumbers(Duration.ofSeconds(60), ClinicDayBench.CHAIRS);
            out.println("# live station, " + ClinicDayBench.CHAIRS + " chairs on the built-in simulated devices (ptys,"
                    + " real time): from starting the station to numbers in every chair's screen model");
            out.printf(java.util.Locale.ROOT, "cold_start_to_live_%dchairs %d ms%n", ClinicDayBench.CHAIRS,
                    s.allChairs().toMillis());
            out.printf(java.util.Locale.ROOT, "jvm_start_to_first_numbers_%dchairs %d ms%n", ClinicDayBench.CHAIRS,
                    s.sinceJvmStart().toMillis());
        }
        out.flush();
        ClinicDayBench.Result r = ClinicDayBench.run(day);
        out.printf(java.util.Locale.ROOT, "# clinic day, accelerated: %d chairs, %d min simulated in %.1f s; sessions one"
                + " after another, recorded to a database; max heap %d MB%n", ClinicDayBench.CHAIRS, day.toMinutes(),
                r.wallSeconds(), Runtime.getRuntime().maxMemory() / 1048576);
        out.printf(java.util.Locale.ROOT, "clinic_day_sessions_discharged %d sessions%n", r.sessionsDischarged());
        for (ClinicDayBench.Sample s : r.samples()) {
            out.printf(java.util.Locale.ROOT, "clinic_day_rss_at_%dmin %.1f MB%n", s.minute(), s.rssBytes() / 1048576.0);
        }
        List<ClinicDayBench.Sample> after = r.samples().stream().filter(s -> s.minute() >= 90).toList();
        if (!after.isEmpty()) {
            long first = after.get(0).rssBytes();
            long max = after.stream().mapToLong(ClinicDayBench.Sample::rssBytes).max().orElse(first);
            out.printf(java.util.Locale.ROOT, "clinic_day_rss_max %.1f MB%n", max / 1048576.0);
            out.printf(java.util.Locale.ROOT, "clinic_day_rss_growth_after_first_session %.1f MB%n",
                    (after.get(after.size() - 1).rssBytes() - first) / 1048576.0);
        }
        out.printf(java.util.Locale.ROOT, "clinic_day_cpu_at_real_time %.2f %% of one core%n",
                r.cpuPercentOfOneCoreAtRealTime());
        out.printf(java.util.Locale.ROOT, "clinic_day_database %.1f MB%n", r.dbBytes() / 1048576.0);
        out.flush();
    }

    /** The start and memory figures, one {@code name value unit} line each. */
    private static void memory(PrintWriter out, Duration span) throws Exception {
        if (PtyPair.isSupported()) {
            MemoryBench.StartResult s = MemoryBench.timeToFirstNumbers(Duration.ofSeconds(60));
            out.println("# live station, " + MemoryBench.CHAIRS + " chairs on the built-in simulated devices (ptys, real time):"
                    + " from starting the station to numbers in the chair's screen model");
            out.printf(java.util.Locale.ROOT, "start_to_first_numbers_first_chair %d ms%n", s.firstChair().toMillis());
            out.printf(java.util.Locale.ROOT, "start_to_first_numbers_all_chairs %d ms%n", s.allChairs().toMillis());
            out.printf(java.util.Locale.ROOT, "jvm_start_to_first_numbers %d ms%n", s.sinceJvmStart().toMillis());
        } else {
            out.println("# start to first numbers: skipped, no pseudo-terminals on this OS");
        }
        out.flush();
        MemoryBench.MemoryResult m = MemoryBench.accelerated(span);
        long minutes = span.toMinutes();
        out.printf(java.util.Locale.ROOT, "# accelerated: %d min of simulated 1 Hz data (default station scenario) per chair,"
                + " %d chairs, fed through the real decoders, chair cores and screen models on simulated time in %.1f s;"
                + " no database, no window%n", minutes, MemoryBench.CHAIRS, m.wallSeconds());
        String tag = MemoryBench.CHAIRS + "chairs_" + minutes + "min";
        if (m.rssBytes() >= 0) {
            out.printf(java.util.Locale.ROOT, "rss_%s %.1f MB%n", tag, m.rssBytes() / 1048576.0);
        } else {
            out.println("# rss: no /proc/self/status on this OS");
        }
        out.printf(java.util.Locale.ROOT, "heap_used_after_gc_%s %.1f MB%n", tag, m.heapUsedBytes() / 1048576.0);
        out.printf(java.util.Locale.ROOT, "screen_history_%s %d readings%n", tag, m.historyReadings());
        out.printf(java.util.Locale.ROOT, "trend_points_%s %d points%n", tag, m.trendPoints());
        out.flush();
    }
}
