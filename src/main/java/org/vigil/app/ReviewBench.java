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
import java.util.Map;
import java.util.stream.Stream;
import org.vigil.review.ReviewedSession;
import org.vigil.review.SessionArchive;
import org.vigil.review.SessionFilter;
import org.vigil.storage.DatabaseKeys;
import org.vigil.storage.VigilDatabase;
import org.vigil.ui.BenchToolkit;
import org.vigil.ui.review.ListPaintProbe;
import org.vigil.ui.review.SessionListModel;

/**
 * {@code bench --review}: how fast a past session opens and the session list answers, on data
 * from {@link ReviewDataGenerator} (seed {@value #SEED}) in a fresh database file, encrypted as the
 * station's with a key of its own kept beside it (never the station's key):
 * <ul>
 * <li>a 100-minute session (60-min infusion) with HR/PR/SpO2/RR at 1 Hz, cuffs every 5 min and
 *     the pleth at 75 Hz; "open" is what the review screen loads: header, events, alarm log and
 *     periods, cuffs, every vital and the pleth over the whole session in {@value #COLUMNS} columns;</li>
 * <li>the MIMIC-II numerics recording (~32 h) replayed into a session at 1 Hz (skipped when the
 *     research pack is not at {@link #MIMIC}, relative to the working directory), opened the same way;</li>
 * <li>the session list with {@value #SESSIONS} sessions (light rows: vitals once a minute; the newest
 *     one still running, as at a station in use, so its row changes at every look): every row
 *     of the unfiltered list, the first page the list screen reads before it shows anything (its rows,
 *     the count, the chairs), and a patient-name filter.</li>
 * </ul>
 * Each figure is the median of {@value #RUNS} runs after one cold run, which is reported too
 * ({@code _cold}: the first call of that query in the process, on a database connection just
 * opened, so neither its code is compiled nor its pages are in SQLite's page cache). The list of
 * every row is also timed right after opening the 100-minute session each time
 * ({@code _after_open}: the pleth it read has pushed the list's pages out of the page cache, so
 * they are read and decrypted again).
 *
 * <p>{@link #windowFigures} (with a display): the first paint of the list after a click on Review
 * ({@link ListPaintProbe}), then the review chart's pan frame ({@link ReviewPanBench}).
 *
 * <p>With {@code -Dvigil.review.keep=true} the generated database is kept (its folder is printed);
 * {@code -Dvigil.review.reuse=FOLDER} measures on a kept one instead of generating.
 */
final class ReviewBench implements AutoCloseable {

    static final long SEED = 20_261_203L;
    static final int COLUMNS = 1_600;
    static final int SESSIONS = 5_000;
    static final int RUNS = 11;
    static final Path MIMIC = Path.of("..", "shared", "protocols", "data", "mimic2_s00001_numerics_1min.csv");

    private final Path file;
    private final DatabaseKeys keys;
    private final Path generated;
    private final long full;
    private final long mimic;

    private ReviewBench(Path file, Path generated, long full, long mimic) {
        this.file = file;
        this.keys = keysBeside(file);
        this.generated = generated;
        this.full = full;
        this.mimic = mimic;
    }

    /** Generates the database (or takes a kept one) and prints the database figures; close it to remove the files. */
    static ReviewBench run(PrintWriter out) throws Exception {
        ReviewBench bench = prepare(out);
        try {
            bench.databaseFigures(out);
            return bench;
        } catch (Exception | Error e) {
            bench.close();
            throw e;
        }
    }

    private static ReviewBench prepare(PrintWriter out) throws Exception {
        String reuse = System.getProperty("vigil.review.reuse");
        if (reuse != null) {
            // a database an earlier run kept: the full session is the first, the MIMIC replay the second
            return new ReviewBench(Path.of(reuse).resolve("review.db"), null, 1, Files.isRegularFile(MIMIC) ? 2 : -1);
        }
        Path dir = Files.createTempDirectory("vigil-review-bench");
        Path file = dir.resolve("review.db");
        Instant day = Instant.parse("2026-11-30T00:00:00Z");
        long t0 = System.nanoTime();
        long[] ids = {-1, -1};
        try (VigilDatabase db = VigilDatabase.open(file, keysBeside(file))) {
            ReviewDataGenerator gen = new ReviewDataGenerator(db, SEED);
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
                gen.clinic(SESSIONS - 3, 300, day.minus(Duration.ofDays(1)));
                // as at a station in use: one session still running, its duration new at every look
                gen.running(gen.patient(2), day.plus(Duration.ofHours(10)), "chair2");
            });
        } catch (RuntimeException e) {
            delete(dir, out);
            throw e;
        }
        out.printf(Locale.ROOT, "# review: generated %d sessions (seed %d) in %.1f s, database %.1f MB (encrypted)%n",
                SESSIONS, SEED, (System.nanoTime() - t0) / 1e9, Files.size(file) / 1048576.0);
        out.flush();
        return new ReviewBench(file, dir, ids[0], ids[1]);
    }

    /**
     * The generated database's own key, in a folder beside it (removed with it): the bench never
     * makes or reads the station's key, and another process changing that key cannot lock it out.
     */
    private static DatabaseKeys keysBeside(Path file) {
        return DatabaseKeys.inFolder(file.resolveSibling("keys"), Map.of());
    }

    private void databaseFigures(PrintWriter out) {
        try (VigilDatabase db = VigilDatabase.open(file, keys)) {
            SessionArchive archive = new SessionArchive(db);
            Instant now = Instant.now();
            Runnable openFull = () -> ReviewedSession.load(archive, full, COLUMNS, now);
            time(out, "review.open_100min_pleth75hz", openFull);
            if (mimic >= 0) {
                long id = mimic;
                time(out, "review.open_mimic2_32h", () -> ReviewedSession.load(archive, id, COLUMNS, now));
            } else {
                out.println("# review.open_mimic2_32h skipped: " + MIMIC.toAbsolutePath().normalize()
                        + " is absent (research pack not beside the checkout)");
            }
            SessionFilter all = SessionFilter.all();
            int[] rows = new int[1];
            time(out, "review.list_query_" + SESSIONS, () -> rows[0] = archive.list(all).size());
            out.printf(Locale.ROOT, "review.list_rows %d rows%n", rows[0]);
            timeAfter(out, "review.list_query_" + SESSIONS + "_after_open", openFull, () -> archive.list(all));
            int page = SessionListModel.FIRST_PAGE;
            time(out, "review.list_first_page", () -> {
                archive.list(all.withLimit(page));
                archive.count(all);
                archive.chairs();
            });
            time(out, "review.list_query_patient_filter", () -> archive.list(all.withPatient("berg")));
        }
        out.flush();
    }

    /**
     * With a display: the list's first paint after a click on Review, then the review chart's pan
     * frame next to LineChart. Starts the JavaFX toolkit and leaves it running.
     */
    void windowFigures(PrintWriter out) throws Exception {
        BenchToolkit.startOnce();
        out.println("# review: window figures on " + BenchToolkit.describe());
        out.flush();
        try (VigilDatabase db = VigilDatabase.open(file, keys)) {
            ListPaintProbe.Result r = ReviewListPaint.measure(new SessionArchive(db));
            out.printf(Locale.ROOT, "# review list first paint: click on Review in a station-like %dx%d window (the review"
                    + " built at start, hidden, its list prepared as the station does after the window opens or the"
                    + " first login) -> end of layout of the first pulse with the first page of rows the click asked"
                    + " for; the first click of the process, then the median of %d clicks after going back to the"
                    + " chairs; fx_cpu = the FX thread's CPU time over the same span; rows_on_screen = to the first"
                    + " pulse with rows on screen at all (the prepared ones); %d rows in the list%n",
                    1400, 900, r.againClicks(), r.rows());
            out.printf(Locale.ROOT, "review.list_prepare_%d_fx_cpu_ms %.1f ms%n", SESSIONS, r.prepareFxCpuMs());
            out.printf(Locale.ROOT, "review.list_first_paint_%d_ms %.1f ms%n", SESSIONS, r.againMs());
            out.printf(Locale.ROOT, "review.list_first_paint_%d_fx_cpu_ms %.1f ms%n", SESSIONS, r.againFxCpuMs());
            out.printf(Locale.ROOT, "review.list_first_paint_%d_first_click_ms %.1f ms%n", SESSIONS, r.firstMs());
            out.printf(Locale.ROOT, "review.list_first_paint_%d_first_click_fx_cpu_ms %.1f ms%n", SESSIONS,
                    r.firstFxCpuMs());
            out.printf(Locale.ROOT, "review.list_rows_on_screen_%d_first_click_ms %.1f ms%n", SESSIONS,
                    r.firstOnScreenMs());
            out.flush();
        }
        ReviewPanBench.run(out);
    }

    /** Removes the generated database unless {@code -Dvigil.review.keep=true}. */
    @Override
    public void close() {
        if (generated == null) {
            return;
        }
        PrintWriter err = new PrintWriter(System.err, true);
        if (Boolean.getBoolean("vigil.review.keep")) {
            err.println("# review: database kept in " + generated);
            return;
        }
        delete(generated, err);
    }

    private static void delete(Path dir, PrintWriter out) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            out.println("# could not remove " + dir + ": " + e.getMessage());
        }
    }

    /** One cold run, then the median of {@value #RUNS}. */
    private static void time(PrintWriter out, String name, Runnable work) {
        long cold = time(work);
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(time(work));
        }
        print(out, name, runs);
        out.printf(Locale.ROOT, "%s_cold_ms %.1f ms%n", name, cold / 1e6);
        out.flush();
    }

    /** The median of {@value #RUNS} runs of {@code work}, each right after {@code before} (not timed). */
    private static void timeAfter(PrintWriter out, String name, Runnable before, Runnable work) {
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            before.run();
            runs.add(time(work));
        }
        print(out, name, runs);
        out.flush();
    }

    private static void print(PrintWriter out, String name, List<Long> runs) {
        runs.sort(null);
        out.printf(Locale.ROOT, "%s_ms %.1f ms%n", name, runs.get(runs.size() / 2) / 1e6);
    }

    private static long time(Runnable work) {
        long t = System.nanoTime();
        work.run();
        return System.nanoTime() - t;
    }
}
