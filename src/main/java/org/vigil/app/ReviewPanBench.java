package org.vigil.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.vigil.ui.BenchToolkit;
import org.vigil.ui.chart.bench.PanFrameBench;

/**
 * {@code bench --review}, the chart part: frame time while panning the review chart over a
 * generated 8-hour session (1 Hz HR and SpO2, a cuff reading every 5 minutes; seeded), next to
 * stock JavaFX {@code LineChart} drawing the same points in the same run ({@link PanFrameBench}).
 * Needs a display (or Xvfb), as {@code bench --ui} does; starts the JavaFX toolkit if needed and
 * leaves it running.
 */
final class ReviewPanBench {

    static final double HOURS = 8;
    static final double WINDOW_HOURS = 2;
    static final int FRAMES = 300;
    static final double PULSE_SECONDS = 5;
    static final int LINECHART_FRAMES = 20;

    private ReviewPanBench() {
    }

    /** Runs it and prints one {@code name value unit} line per figure. */
    static void run(PrintWriter out) throws Exception {
        BenchToolkit.startOnce();
        PanFrameBench.Result r = PanFrameBench.run(HOURS, WINDOW_HOURS, FRAMES, PULSE_SECONDS, LINECHART_FRAMES);
        PanFrameBench.Figures c = r.chart();
        PanFrameBench.Figures l = r.lineChart();
        out.printf(Locale.ROOT, "# review chart pan: %.0f h of 1 Hz HR+SpO2 and NIBP every 5 min (%d points), a %.0f h"
                + " window on %dx%d px moved 6 px per frame, on %s. Timed frames: pan + redraw + raster"
                + " (Node.snapshot), median of %d (review chart) and %d (LineChart) after warm-up, p95 beside;"
                + " _cpu = CPU time of the FX and render threads in the frame (median; GC threads not counted, which flatters LineChart); _draw = the FX thread's part before"
                + " the raster (canvas commands / LineChart CSS and layout). Pulse frames: one pan per JavaFX pulse,"
                + " drawn on screen, %d and %d frames. blank_canvas = a canvas of the chart's size filled with one"
                + " colour per frame, the same two ways: the floor of copying, reading back and presenting"
                + " that many pixels%n",
                HOURS, r.pointsPerView(), r.windowMillis() / 3_600_000.0, r.width(), r.height(),
                BenchToolkit.describe(), c.frames(), l.frames(), c.pulses(), l.pulses());
        out.printf(Locale.ROOT, "review.pan_frame_ms %.2f ms%n", c.medianMs());
        out.printf(Locale.ROOT, "review.pan_frame_p95_ms %.2f ms%n", c.p95Ms());
        out.printf(Locale.ROOT, "review.pan_frame_cpu_ms %.2f ms%n", c.cpuMedianMs());
        out.printf(Locale.ROOT, "review.pan_frame_draw_ms %.2f ms%n", c.drawMedianMs());
        out.printf(Locale.ROOT, "review.pan_pulse_fps %.1f fps%n", c.pulseFps());
        out.printf(Locale.ROOT, "review.pan_pulse_cpu_ms %.2f ms%n", c.pulseCpuMs());
        out.printf(Locale.ROOT, "linechart.pan_frame_ms %.2f ms%n", l.medianMs());
        out.printf(Locale.ROOT, "linechart.pan_frame_p95_ms %.2f ms%n", l.p95Ms());
        out.printf(Locale.ROOT, "linechart.pan_frame_cpu_ms %.2f ms%n", l.cpuMedianMs());
        out.printf(Locale.ROOT, "linechart.pan_frame_draw_ms %.2f ms%n", l.drawMedianMs());
        out.printf(Locale.ROOT, "linechart.pan_pulse_fps %.1f fps%n", l.pulseFps());
        out.printf(Locale.ROOT, "linechart.pan_pulse_cpu_ms %.2f ms%n", l.pulseCpuMs());
        PanFrameBench.Figures b = r.blank();
        out.printf(Locale.ROOT, "blank_canvas.frame_ms %.2f ms%n", b.medianMs());
        out.printf(Locale.ROOT, "blank_canvas.frame_cpu_ms %.2f ms%n", b.cpuMedianMs());
        out.printf(Locale.ROOT, "blank_canvas.pulse_fps %.1f fps%n", b.pulseFps());
        out.printf(Locale.ROOT, "blank_canvas.pulse_cpu_ms %.2f ms%n", b.pulseCpuMs());
        out.printf(Locale.ROOT, "review.pan_speedup_vs_linechart %.1f x%n", l.medianMs() / c.medianMs());
        out.printf(Locale.ROOT, "review.pan_speedup_vs_linechart_cpu %.1f x%n", l.cpuMedianMs() / c.cpuMedianMs());
        out.flush();
    }
}
