package org.vigil.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vigil.config.ConfigException;
import org.vigil.config.ConfigLoader;
import org.vigil.config.ResolvedConfig;
import org.vigil.config.StationConfig;
import org.vigil.domain.Durations;
import org.vigil.storage.RecordingWriter;
import org.vigil.storage.StationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil record}: acquisition, alarms and storage without a screen. */
@Command(name = "record",
        mixinStandardHelpOptions = true,
        description = {
            "Runs acquisition, alarms and storage without the window and prints alarm events.",
            "Events print as they happen: time,chair,event,alarm_id,priority,parameter,value,limit,message.",
            "Stops after --duration, or on Ctrl-C; the session is then ended and flushed to disk."},
        footer = {"", "Examples:",
            "  java -jar vigil.jar record --duration 30s",
            "  java -jar vigil.jar record --config clinic.yaml --db /tmp/test.db --duration 10m"})
final class RecordCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StationOptions options = new StationOptions();

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", description = "How long to record, e.g. 30s, 10m, 1h (default: until Ctrl-C).")
    String duration;

    /** Events waiting to be printed; more are dropped from the printout, never from the database. */
    static final int PRINT_QUEUE = 10_000;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Duration limit = null;
        if (duration != null) {
            try {
                limit = Durations.parse(duration);
            } catch (IllegalArgumentException e) {
                err.println("record: --duration: " + e.getMessage());
                return 2;
            }
        }
        StationConfig cfg;
        try {
            cfg = StationLauncher.configure(options, err);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            options.startOptions((chair, e) -> { });
        } catch (IllegalArgumentException e) {
            err.println("record: " + e.getMessage());
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: stop recording, then keep the JVM alive until the session is ended and flushed.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vigil-record-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<StationStore.Outcome> outcomes = List.of();
        // Events are printed on their own thread: a stalled terminal or pipe never holds up the alarms.
        out.println(AlarmPrinter.HEADER);
        out.flush();
        // Every alarm event is printed from the start, before any device connects (a port missing at
        // start raises its alarm while the station starts); station-wide alarms (audio, recording)
        // print once, with "station" in the chair column.
        try (AlarmPrinter printer = new AlarmPrinter(out, PRINT_QUEUE);
             Station station = Station.start(cfg, InstantSource.system(), false, options.startOptions(printer::print))) {
            err.println("record: recording " + station.chairs().size() + " chair(s) into " + cfg.database()
                    + (limit == null ? " until Ctrl-C" : " for " + Durations.format(limit)));
            station.recordingProblem().ifPresent(why -> err.println("record: recording unavailable: " + why
                    + "; monitoring and alarms go on, readings wait in memory (up to "
                    + RecordingWriter.DEFAULT_CAPACITY + " rows) and are written when the database can be opened"));
            err.flush();
            if (limit == null) {
                stop.await();
            } else {
                stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
            station.close();
            outcomes = station.recordingOutcomes();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyStopping) {
                // the JVM is shutting down: the hook has run
            }
        }
        boolean saved = !outcomes.isEmpty() && outcomes.stream().allMatch(StationStore.Outcome::saved);
        if (saved) {
            err.println("record: session ended and saved to " + cfg.database());
            return 0;
        }
        // never "saved" when it was not: say what is missing, and fail
        for (StationStore.Outcome o : outcomes) {
            err.println("record: " + o.describe());
        }
        err.println("record: the recording in " + cfg.database() + " is NOT complete");
        return 1;
    }
}
