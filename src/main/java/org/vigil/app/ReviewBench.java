package org.vigil.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.vigil.review.ReviewedSession;
import org.vigil.review.SessionArchive;
import org.vigil.review.SessionFilter;
import org.vigil.review.SessionRow;
import org.vigil.storage.VigilDatabase;

/**
 * {@code bench --review}: how fast a past session opens and the session list answers, on data
 * from {@link ReviewDataGenerator} (seed {@value #SEED}) in a fresh database file:
 * <ul>
 * <li>a 100-minute session (60-min infusion) with HR/PR/SpO2/RR at 1 Hz, cuffs every 5 min and
 *     the pleth at 75 Hz; "open" is what the review screen loads: header, events, alarm log and
 *     periods, cuffs, every vital and the pleth over the whole session in {@value #COLUMNS} columns;</li>
 * <li>the MIMIC-II numerics recording (~32 h) replayed into a session at 1 Hz (skipped when the
 *     research pack is not beside the checkout), opened the same way;</li>
 * <li>the session list with {@value #SESSIONS} sessions (light rows: vitals once a minute), the
 *     unfiltered query and a patient-name filter; first paint in {@link ReviewListPaint} when a
 *     display is there.</li>
 * </ul>
 * Each "open" figure is the median of {@value #RUNS} runs after one cold run (reported too).
 * With {@code -Dvigil.review.keep=true} the generated database is kept (its folder is printed);
 * {@code -Dvigil.review.reuse=FOLDER} measures on a kept one instead of generating.
 */
final class ReviewBench {

    static final long SEED = 20_261_203L;
    static final int COLUMNS = 1_600;
    static final int SESSIONS = 5_000;
    static final int RUNS = 11;
    static final Path MIMIC = Path.of("..", "shared", "protocols", "data", "mimic2_s00001_numerics_1min.csv");

    private ReviewBench() {
    }

    static void run(PrintWriter out) throws Exception {
        String reuse = System.getProperty("vigil.review.reuse");
        if (reuse != null) {
            // a database an earlier run kept: the full session is the first, the MIMIC replay the second
            Path file = Path.of(reuse).resolve("review.db");
            measure(out, file, 1, Files.isRegularFile(MIMIC) ? 2 : -1);
            return;
        }
        Path dir = Files.createTempDirectory("vigil-review-bench");
        try {
            Path file = dir.resolve("review.db");
            Instant day = Instant.parse("2026-11-30T00:00:00Z");
            long full;
            long mimic = -1;
            long t0 = System.nanoTime();
            try (VigilDatabase db = VigilDatabase.open(file)) {
                ReviewDataGenerator gen = new ReviewDataGenerator(db, SEED);
                long[] ids = {-1, -1};
                db.bulk().unsynchronized(() -> {
                    ids[0] = gen.session(gen.patient(1), day.plus(Duration.ofHours(8)), new ReviewDataGenerator.Spec(
                        Duration.ofMinutes(40), Duration.ofSeconds(1), 75, "chair1"));
                    if (Files.isRegularFile(MIMIC)) {
                        try {
                            ids[1] = gen.replayMimic(MIMIC, day.minus(Duration.ofDays(60)));
                        } catch (Exception e) {
                            throw new IllegalStateException("cannot replay " + MIMIC + ": " + e.getMessage(), e);
                        }
                    }
                    gen.clinic(SESSIONS - 2, 300, day.minus(Duration.ofDays(1)));
                });
                full = ids[0];
                mimic = ids[1];
            }
            out.printf(Locale.ROOT, "# review: generated %d sessions (seed %d) in %.1f s, database %.1f MB%n", SESSIONS,
                    SEED, (System.nanoTime() - t0) / 1e9, Files.size(file) / 1048576.0);
            out.flush();
            measure(out, file, full, mimic);
        } finally {
            if (Boolean.getBoolean("vigil.review.keep")) {
                out.println("# review: database kept in " + dir);
                out.flush();
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                out.println("# could not remove " + dir + ": " + e.getMessage());
            }
        }
    }

    private static void measure(PrintWriter out, Path file, long full, long mimic) {
        try (VigilDatabase db = VigilDatabase.open(file)) {
            SessionArchive archive = new SessionArchive(db);
            Instant now = Instant.now();
            open(out, "review.open_100min_pleth75hz", () -> ReviewedSession.load(archive, full, COLUMNS, now));
            if (mimic >= 0) {
                long id = mimic;
                open(out, "review.open_mimic2_32h", () -> ReviewedSession.load(archive, id, COLUMNS, now));
            } else {
                out.println("# review.open_mimic2_32h skipped: " + MIMIC + " is absent (research pack not beside the checkout)");
            }
            int[] rows = new int[1];
            open(out, "review.list_query_" + SESSIONS, () -> rows[0] = archive.list(SessionFilter.all()).size());
            out.printf(Locale.ROOT, "review.list_rows %d rows%n", rows[0]);
            open(out, "review.list_query_patient_filter", () -> archive.list(SessionFilter.all().withPatient("berg")));
            List<SessionRow> all = archive.list(SessionFilter.all());
            String noDisplay = StationLauncher.noDisplayReason();
            if (noDisplay != null) {
                out.println("# review.list_first_paint skipped: " + noDisplay);
            } else {
                out.printf(Locale.ROOT, "review.list_first_paint_%d %.1f ms%n", SESSIONS, ReviewListPaint.firstPaintMs(all));
            }
        }
        out.flush();
    }

    private static void open(PrintWriter out, String name, Runnable work) {
        long cold = time(work);
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(time(work));
        }
        runs.sort(null);
        out.printf(Locale.ROOT, "%s_ms %.1f ms%n", name, runs.get(RUNS / 2) / 1e6);
        out.printf(Locale.ROOT, "%s_cold_ms %.1f ms%n", name, cold / 1e6);
        out.flush();
    }

    private static long time(Runnable work) {
        long t = System.nanoTime();
        work.run();
        return System.nanoTime() - t;
    }
}
