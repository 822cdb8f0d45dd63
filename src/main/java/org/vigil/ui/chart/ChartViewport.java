package org.vigil.ui.chart;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The view state of a trend chart, free of JavaFX: the data's time bounds, the visible window
 * inside them and the plot's width in pixels, with the zoom and pan arithmetic. Every change
 * keeps the window inside the data bounds and its span between {@link #minSpanMillis()} (or the
 * data's span, if shorter) and the data's span. Listeners hear of every change that moved the
 * window or the width. Not thread-safe: used on one thread (the FX thread for a chart on screen).
 */
public final class ChartViewport {

    /** The shortest window by default: 20 s, twenty 1 Hz samples. */
    public static final long DEFAULT_MIN_SPAN_MILLIS = 20_000;

    private final List<ViewportListener> listeners = new CopyOnWriteArrayList<>();
    private final long minSpan;
    private long dataStart;
    private long dataEnd;
    private long start;
    private long end;
    private int widthPx = 1;
    private boolean hasData;

    public ChartViewport() {
        this(DEFAULT_MIN_SPAN_MILLIS);
    }

    public ChartViewport(long minSpanMillis) {
        if (minSpanMillis < 1) {
            throw new IllegalArgumentException("minimum span must be at least 1 ms");
        }
        this.minSpan = minSpanMillis;
    }

    public void addListener(ViewportListener l) {
        listeners.add(l);
    }

    public void removeListener(ViewportListener l) {
        listeners.remove(l);
    }

    /**
     * Sets the time bounds of the data (a session's start and end). The first call shows all of
     * it; later calls keep the window where it was, clamped to the new bounds.
     */
    public void setDataRange(long startMillis, long endMillis) {
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("data range ends before it starts");
        }
        dataStart = startMillis;
        dataEnd = Math.max(endMillis, startMillis + 1);
        if (!hasData) {
            hasData = true;
            apply(dataStart, dataEnd);
        } else {
            apply(start, end);
        }
    }

    public boolean hasData() {
        return hasData;
    }

    /** Sets the plot's width in pixels (at least 1). */
    public void setWidth(int px) {
        int w = Math.max(1, px);
        if (w != widthPx) {
            widthPx = w;
            fire();
        }
    }

    public long dataStart() {
        return dataStart;
    }

    public long dataEnd() {
        return dataEnd;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long span() {
        return end - start;
    }

    public int widthPx() {
        return widthPx;
    }

    public long minSpanMillis() {
        return minSpan;
    }

    public double millisPerPixel() {
        return span() / (double) widthPx;
    }

    /** The pixel x (from the plot's left edge) of time {@code t}. */
    public double xOf(long t) {
        return (t - start) * (double) widthPx / span();
    }

    /** The time at pixel {@code x} from the plot's left edge. */
    public long timeAt(double x) {
        return start + Math.round(x * span() / widthPx);
    }

    /** Shows the whole data range. */
    public void showAll() {
        apply(dataStart, dataEnd);
    }

    /** Shows [{@code s}, {@code e}] (clamped). */
    public void show(long s, long e) {
        apply(s, e);
    }

    /**
     * Zooms by {@code factor} (above 1 zooms in: the span is divided by it) keeping time
     * {@code anchor} at the same place on the screen.
     */
    public void zoom(double factor, long anchor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            return;
        }
        long a = Math.max(start, Math.min(end, anchor));
        double frac = (a - start) / (double) span();
        double newSpan = Math.max(effectiveMinSpan(), Math.min(dataEnd - dataStart, span() / factor));
        long s = a - Math.round(frac * newSpan);
        apply(s, s + Math.round(newSpan));
    }

    /** Zooms around the time under pixel {@code x}. */
    public void zoomAtPixel(double factor, double x) {
        zoom(factor, timeAt(x));
    }

    /** Zooms around the middle of the window. */
    public void zoomCentre(double factor) {
        zoom(factor, start + span() / 2);
    }

    /** Moves the window later by {@code millis} (earlier when negative). */
    public void panMillis(long millis) {
        long sp = span();
        apply(start + millis, start + millis + sp);
    }

    /** Moves the window as a drag of {@code dx} pixels does: dragging right shows earlier data. */
    public void panPixels(double dx) {
        panMillis(-Math.round(dx * millisPerPixel()));
    }

    /** Moves the window by {@code fraction} of its span (positive: later). */
    public void panFraction(double fraction) {
        panMillis(Math.round(fraction * span()));
    }

    /** The window's span kept, moved to the start of the data (the Home key). */
    public void toStart() {
        long sp = span();
        apply(dataStart, dataStart + sp);
    }

    /** The window's span kept, moved to the end of the data (the End key). */
    public void toEnd() {
        long sp = span();
        apply(dataEnd - sp, dataEnd);
    }

    /** Centres the window on {@code t}, keeping its span (clamped at the data's edges). */
    public void jumpTo(long t) {
        long sp = span();
        long s = t - sp / 2;
        apply(s, s + sp);
    }

    private long effectiveMinSpan() {
        return Math.min(minSpan, dataEnd - dataStart);
    }

    private void apply(long s, long e) {
        long dataSpan = dataEnd - dataStart;
        long sp = Math.max(effectiveMinSpan(), Math.min(dataSpan, e - s));
        if (sp <= 0) {
            sp = 1;
        }
        long ns = Math.max(dataStart, Math.min(s, dataEnd - sp));
        long ne = ns + sp;
        if (ns != start || ne != end) {
            start = ns;
            end = ne;
            fire();
        }
    }

    private void fire() {
        for (ViewportListener l : listeners) {
            l.viewportChanged(start, end, widthPx);
        }
    }
}
