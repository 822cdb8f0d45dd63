package org.vigil.review;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigil.domain.Vital;

/**
 * Series of a session ready to draw, at most four points per pixel column whatever the session's
 * length, and no extreme lost. A window of at most one reading per {@value #STREAM_BELOW_MS} ms of
 * column is streamed (one vital at a time, straight off the index in time order) through
 * {@link MinMaxColumns}; a coarser one (an overview of hours) asks the database for each column's
 * lowest and highest reading, so only two rows per column leave it. Readings a flag invalidates (artifacts, sensor off) are left out, as the alarms do. Blocks
 * on the disk: run it off the FX thread.
 */
public final class TraceLoader {

    /** Columns at least this wide (ms) are computed in the database. */
    static final long STREAM_BELOW_MS = 2_000;

    private final SessionArchive archive;

    public TraceLoader(SessionArchive archive) {
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /** The vitals of {@code [from, to)} in {@code columns} columns. */
    public Map<Vital, Trace> vitals(long sessionId, Instant from, Instant to, Set<Vital> vitals, int columns) {
        Map<Vital, Trace> out = new EnumMap<>(Vital.class);
        if (!to.isAfter(from)) {
            return out;
        }
        boolean coarse = columnMs(from, to, columns) >= STREAM_BELOW_MS;
        for (Vital v : vitals) {
            Trace t;
            if (coarse) {
                Extremes e = new Extremes(from, to, columns, 30_000);
                archive.forEachColumnExtreme(sessionId, v, from, to, columns, e);
                t = e.result();
            } else {
                MinMaxColumns m = new MinMaxColumns(from.toEpochMilli(), to.toEpochMilli(), columns);
                archive.forEachReading(sessionId, from, to, Set.of(v),
                        r -> m.add(r.time().toEpochMilli(), r.isValid() ? r.value() : Double.NaN));
                t = m.result();
            }
            if (t.size() > 0) {
                out.put(v, t);
            }
        }
        return out;
    }

    /** One waveform (e.g. pleth) of {@code [from, to)} in {@code columns} columns; empty when none was recorded. */
    public Trace wave(long sessionId, String wave, Instant from, Instant to, int columns) {
        if (!to.isAfter(from)) {
            return Trace.empty();
        }
        if (columnMs(from, to, columns) >= STREAM_BELOW_MS) {
            Extremes e = new Extremes(from, to, columns, 2_000);
            archive.forEachWaveColumnExtreme(sessionId, wave, from, to, columns, e);
            return e.result();
        }
        MinMaxColumns m = new MinMaxColumns(from.toEpochMilli(), to.toEpochMilli(), columns, 2_000);
        // a chunk lasts about a second: start a little earlier so the window's first samples are there
        archive.forEachWave(sessionId, wave, from.minusSeconds(2), to, seg -> {
            short[] s = seg.samples();
            for (int i = 0; i < s.length; i++) {
                m.add(seg.timeMsOf(i), s[i]);
            }
        });
        return m.result();
    }

    private static double columnMs(Instant from, Instant to, int columns) {
        return (to.toEpochMilli() - from.toEpochMilli()) / (double) Math.max(1, columns);
    }

    /** Columns' extremes as points in time order, with a gap (NaN) where columns are missing for longer than {@code gapMs}. */
    static final class Extremes implements SessionArchive.ColumnExtremes {
        private final Trace.Builder out = new Trace.Builder();
        private final double from;
        private final double width;
        private final int gapColumns;
        private int previous = Integer.MIN_VALUE;

        Extremes(Instant from, Instant to, int columns, double gapMs) {
            this.from = from.toEpochMilli();
            this.width = (to.toEpochMilli() - from.toEpochMilli()) / (double) columns;
            this.gapColumns = (int) Math.max(1, Math.ceil(gapMs / width));
        }

        @Override
        public void accept(int column, long firstMs, double min, long lastMs, double max) {
            if (previous != Integer.MIN_VALUE && column - previous > gapColumns) {
                out.add(from + (previous + 1) * width, Double.NaN);
            }
            previous = column;
            // the lowest and highest of the column, both kept; drawn across the column's readings
            out.add(firstMs, min);
            if (lastMs > firstMs) {
                out.add(lastMs, max);
            } else if (max != min) {
                out.add(firstMs + 1, max);
            }
        }

        Trace result() {
            return out.build();
        }
    }
}
