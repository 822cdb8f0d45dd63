package org.vigil.ui.chart;

/** How a track's samples are reduced to what a pixel column can show. */
public enum Downsampling {
    /** First, lowest, highest and last sample of each pixel column: never drops an extreme (the default). */
    M4 {
        @Override
        public void reduce(TimeSeries s, long start, long end, int columns, long maxGapMillis, PlotBuffer out) {
            org.vigil.ui.chart.M4.reduce(s, start, end, columns, maxGapMillis, out);
        }
    },
    /** Largest-Triangle-Three-Buckets: a smoother line, but an extreme may be dropped. */
    LTTB {
        @Override
        public void reduce(TimeSeries s, long start, long end, int columns, long maxGapMillis, PlotBuffer out) {
            Lttb.reduce(s, start, end, columns, maxGapMillis, out);
        }
    };

    /** Appends the reduction of {@code s} over [{@code start}, {@code end}] on {@code columns} pixels to {@code out}. */
    public abstract void reduce(TimeSeries s, long start, long end, int columns, long maxGapMillis, PlotBuffer out);
}
