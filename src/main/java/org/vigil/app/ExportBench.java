package org.vigil.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditSink;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.export.ExportFormat;
import org.vigil.export.ExportProgress;
import org.vigil.export.ExporterFactory;
import org.vigil.export.GeneratedSession;
import org.vigil.export.SessionExports;
import org.vigil.export.SessionLog;
import org.vigil.export.SessionLogReader;
import org.vigil.review.SessionArchive;
import org.vigil.storage.EndReason;
import org.vigil.storage.NewSession;
import org.vigil.storage.RecordingWriter;
import org.vigil.storage.SessionDevice;
import org.vigil.storage.VigilDatabase;
import org.vigil.storage.WriterListener;

/**
 * {@code bench --export}: the time to export a stored session in each format, read from the
 * database as the command line and the dialog read it: a generated 100-minute session at 1 Hz, and
 * the 32-hour MIMIC-II numerics recording (1 value a minute, sparse NIBP) when its CSV is given.
 * One {@code name value unit} line per figure.
 */
final class ExportBench {

    private ExportBench() {
    }

    static void run(PrintWriter out, Path mimic) throws Exception {
        Path dir = Files.createTempDirectory("vigil-export-bench");
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("bench.db"))) {
            long generated = new GeneratedSession(11, Instant.parse("2026-03-02T08:00:00Z"), Duration.ofMinutes(100)).store(db);
            measure(out, db, generated, "export_100min", dir);
            if (mimic == null || !Files.isRegularFile(mimic)) {
                out.println("# export_mimic2_32h skipped: no MIMIC-II numerics CSV (--export-mimic FILE)");
            } else {
                measure(out, db, storeMimic(db, mimic), "export_mimic2_32h", dir);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        out.flush();
    }

    private static void measure(PrintWriter out, VigilDatabase db, long id, String name, Path dir) throws IOException {
        SessionLogReader reader = new SessionLogReader(new SessionArchive(db), ZoneOffset.UTC);
        SessionExports exports = new SessionExports(ExporterFactory.standard(Clock.systemUTC()), AuditSink.NONE,
                Clock.systemUTC(), new Random(1));
        SessionLog log = reader.read(id).orElseThrow();
        long[] count = {0};
        log.readings().forEach(r -> count[0]++);
        out.printf(Locale.ROOT, "%s_readings %d rows%n", name, count[0]);
        for (ExportFormat f : ExportFormat.values()) {
            Path target = dir.resolve(name + "-" + f.key() + (f == ExportFormat.CSV ? ".zip" : "." + f.extension()));
            long t0 = System.nanoTime();
            exports.export(reader.read(id).orElseThrow(), f, false, target, Actor.SYSTEM, ExportProgress.NONE);
            double ms = (System.nanoTime() - t0) / 1e6;
            out.printf(Locale.ROOT, "%s_%s %.0f ms%n", name, f.key(), ms);
            out.printf(Locale.ROOT, "%s_%s_size %.1f MB%n", name, f.key(), Files.size(target) / 1e6);
            out.flush();
        }
    }

    /** Stores the MIMIC-II 1-minute numerics (HR, PULSE, RESP, SpO2, NBP) as one session; returns its id. */
    static long storeMimic(VigilDatabase db, Path csv) throws IOException, InterruptedException {
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        List<Reading> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        int minutes = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length < 11) {
                continue;
            }
            Instant t = start.plus(Duration.ofMinutes(Long.parseLong(f[0].trim())));
            minutes++;
            add(rows, t, "monitor", Vital.HR, f[1]);
            add(rows, t, "monitor", Vital.PR, f[5]);
            add(rows, t, "monitor", Vital.RR, f[6]);
            add(rows, t, "monitor", Vital.SPO2, f[7]);
            add(rows, t, "monitor", Vital.NIBP_SYS, f[8]);
            add(rows, t, "monitor", Vital.NIBP_DIA, f[9]);
            add(rows, t, "monitor", Vital.NIBP_MEAN, f[10]);
        }
        long id = db.sessions().startSession(new NewSession("icu", start, VersionInfo.version(), false,
                List.of(new SessionDevice("monitor", "MIMIC-II bedside monitor", "replay", csv.getFileName().toString()))));
        try (RecordingWriter w = new RecordingWriter(db, new WriterListener() {
            @Override
            public void onFailure(Exception cause) {
            }

            @Override
            public void onRecovered() {
            }
        })) {
            for (Reading r : rows) {
                w.append(id, r);
            }
            w.flush();
        }
        db.sessions().endSession(id, start.plus(Duration.ofMinutes(minutes)), EndReason.CLOSED);
        return id;
    }

    private static void add(List<Reading> rows, Instant t, String device, Vital v, String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return;
        }
        double value = Double.parseDouble(s);
        if (value <= 0) {
            return;
        }
        rows.add(new Reading(t, device, v, Math.round(value), Set.of()));
    }
}
