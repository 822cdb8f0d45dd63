package org.vigil.chair;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/**
 * The session's readings as a screen opened mid-session needs them, in a fixed amount of memory
 * per series (one device's vital) whatever the session's length: the latest {@link #RECENT}
 * readings as they came, and everything older as the lowest and the highest valid reading of
 * each time bucket, so a 3-second desaturation in an 8-hour session is still there. When the
 * buckets are all used, neighbours merge and the bucket width doubles.
 *
 * <p>Where the line of a trend must break (an invalid reading, or more than
 * {@link #GAP} without a reading of a continuous vital; cuff readings are episodic), {@link #readings()} puts a reading without a value: bucket
 * points can lie further apart than {@link #GAP} and still belong to one unbroken line.
 * Not thread-safe; {@link ScreenBuffer} locks around it.
 */
final class ScreenHistory {

    /** Readings per series kept as they came: 15 minutes at 1 Hz. */
    static final int RECENT = 900;
    /** Buckets per series for everything older. */
    static final int BUCKETS = 1024;
    /** More than this between two readings of a series breaks its line. */
    static final Duration GAP = Duration.ofSeconds(5);
    private static final long FIRST_WIDTH_MILLIS = 1000;

    private record Key(String deviceId, Vital vital) {
    }

    private record Entry(Reading reading, boolean breakBefore) {
    }

    /** The extremes of one time bucket, and the first break in it (null when none). */
    private static final class Bucket {
        long index;
        Reading min;
        Reading max;
        Instant breakAt;

        void take(Reading r) {
            if (min == null || r.value() < min.value()) {
                min = r;
            }
            if (max == null || r.value() > max.value()) {
                max = r;
            }
        }

        void markBreak(Instant t) {
            if (breakAt == null || t.isBefore(breakAt)) {
                breakAt = t;
            }
        }

        void merge(Bucket later) {
            if (later.min != null) {
                take(later.min);
            }
            if (later.max != null) {
                take(later.max);
            }
            if (later.breakAt != null) {
                markBreak(later.breakAt);
            }
        }
    }

    private static final class Series {
        final ArrayDeque<Entry> recent = new ArrayDeque<>();
        final List<Bucket> old = new ArrayList<>();
        long widthMillis = FIRST_WIDTH_MILLIS;
        Instant lastTime;
    }

    private final Map<Key, Series> series = new LinkedHashMap<>();

    void add(Reading r) {
        Series s = series.computeIfAbsent(new Key(r.deviceId(), r.vital()), k -> new Series());
        boolean breakBefore = !r.isValid() || (!r.vital().isNibp() && s.lastTime != null
                && Duration.between(s.lastTime, r.time()).compareTo(GAP) > 0);
        s.lastTime = r.time();
        s.recent.addLast(new Entry(r, breakBefore));
        if (s.recent.size() > RECENT) {
            retire(s, s.recent.removeFirst());
        }
    }

    /** Moves the oldest recent reading into its bucket. */
    private static void retire(Series s, Entry e) {
        Reading r = e.reading();
        long index = Math.floorDiv(r.time().toEpochMilli(), s.widthMillis);
        Bucket b = s.old.isEmpty() ? null : s.old.get(s.old.size() - 1);
        if (b == null || b.index != index) {
            b = new Bucket();
            b.index = index;
            s.old.add(b);
        }
        if (e.breakBefore()) {
            b.markBreak(r.isValid() ? r.time().minusMillis(1) : r.time());
        }
        if (r.isValid()) {
            b.take(r);
        }
        while (s.old.size() > BUCKETS) {
            s.widthMillis *= 2;
            List<Bucket> merged = new ArrayList<>(s.old.size() / 2 + 1);
            for (Bucket x : s.old) {
                long i = Math.floorDiv(x.index, 2);
                Bucket last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && last.index == i) {
                    last.merge(x);
                } else {
                    x.index = i;
                    merged.add(x);
                }
            }
            s.old.clear();
            s.old.addAll(merged);
        }
    }

    void clear() {
        series.clear();
    }

    /** How many readings are held (break marks not counted): bounded by series × (RECENT + 2 × BUCKETS). */
    int retained() {
        int n = 0;
        for (Series s : series.values()) {
            n += s.recent.size();
            for (Bucket b : s.old) {
                n += b.min == null ? 0 : b.min == b.max ? 1 : 2;
            }
        }
        return n;
    }

    /**
     * Every series, oldest first: bucket extremes, then the recent readings as they came; a reading
     * without a value (no flags) wherever a line breaks.
     */
    List<Reading> readings() {
        List<Reading> out = new ArrayList<>();
        for (Map.Entry<Key, Series> kv : series.entrySet()) {
            Key k = kv.getKey();
            Series s = kv.getValue();
            for (Bucket b : s.old) {
                List<Reading> points = new ArrayList<>(3);
                if (b.breakAt != null) {
                    points.add(new Reading(b.breakAt, k.deviceId(), k.vital(), Double.NaN, Set.of()));
                }
                if (b.min != null) {
                    points.add(b.min);
                }
                if (b.max != null && b.max != b.min) {
                    points.add(b.max);
                }
                points.sort(Comparator.comparing(Reading::time));
                out.addAll(points);
            }
            for (Entry e : s.recent) {
                if (e.breakBefore() && e.reading().isValid()) {
                    out.add(new Reading(e.reading().time().minusMillis(1), k.deviceId(), k.vital(), Double.NaN, Set.of()));
                }
                out.add(e.reading());
            }
        }
        out.sort(Comparator.comparing(Reading::time));
        return out;
    }
}
