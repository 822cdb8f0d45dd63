package org.vigil.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.vigil.ui.chart.bench.PanFrameBench;

/**
 * {@code bench --review}, the chart part: frame time while panning the review chart over a
 * generated 8-hour session (1 Hz HR and SpO2, a cuff reading every 5 minutes; seeded), next to
 * stock JavaFX {@code LineChart} drawing the same points in the same run. Needs a display (or
 * Xvfb), as {@code bench --ui} does.
 */
final class ReviewPanBench {

    static final double HOURS = 8;
    static final double WINDOW_HOURS = 2;
    static final int FRAMES = 300;
    static final int LINECHART_FRAMES = 20;

    private ReviewPanBench() {
    }

    /** Runs it and prints one {@code name value unit} line per figure. */
    static void run(PrintWriter out) throws Exception {
        PanFrameBench.Result r = PanFrameBench.run(HOURS, WINDOW_HOURS, FRAMES, LINECHART_FRAMES);
        out.printf(Locale.ROOT, "# review chart pan: %.0f h of 1 Hz HR+SpO2 and NIBP every 5 min (%d points), a %.0f h"
                + " window on %dx%d px moved 6 px per frame; frame = pan + redraw + raster (Node.snapshot);"
                + " median of %d frames (review chart) and of %d frames (LineChart), p95 beside%n",
                HOURS, r.pointsPerView(), r.windowMillis() / 3_600_000.0, r.width(), r.height(), r.chartFrames(),
                r.lineChartFrames());
        out.printf(Locale.ROOT, "review.pan_frame_ms %.2f ms%n", r.chartMedianMs());
        out.printf(Locale.ROOT, "review.pan_frame_p95_ms %.2f ms%n", r.chartP95Ms());
        out.printf(Locale.ROOT, "linechart.pan_frame_ms %.2f ms%n", r.lineChartMedianMs());
        out.printf(Locale.ROOT, "linechart.pan_frame_p95_ms %.2f ms%n", r.lineChartP95Ms());
        out.printf(Locale.ROOT, "review.pan_speedup_vs_linechart %.1f x%n", r.lineChartMedianMs() / r.chartMedianMs());
        out.flush();
    }
}
