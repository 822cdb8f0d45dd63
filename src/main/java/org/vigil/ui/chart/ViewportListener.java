package org.vigil.ui.chart;

/**
 * Told when the visible time range or the plot's pixel width changed, so a caller can load the
 * data for that window (on its own thread) and hand it to the chart.
 */
@FunctionalInterface
public interface ViewportListener {

    /** The chart now shows [{@code startMillis}, {@code endMillis}] over {@code widthPx} pixel columns. */
    void viewportChanged(long startMillis, long endMillis, int widthPx);
}
