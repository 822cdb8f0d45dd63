package org.vigil.sim.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.vigil.domain.Vital;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.Emission;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.FrameEncoder;
import org.vigil.sim.protocol.SimDriver;

/**
 * Replays a {@link Recording}: played second k shows recorded time {@code start + k × speed};
 * vitals come from the latest row at or before that minute; a row's NBP values become visible
 * (as a new cuff measurement) from the first report at or after the row's recorded time.
 */
final class RecordingScript implements DeviceScript {

    private static final long SECOND = 1_000_000_000L;

    private final String id;
    private final String protocol;
    private final Set<Vital> reports;
    private final Function<String, FrameEncoder> encoders;
    private final ReplayOptions options;
    private final List<Recording.Row> rows;
    private final List<Recording.Row> cuff = new ArrayList<>();
    private final double startSeconds;
    private final double lengthSeconds;
    private final long end;

    RecordingScript(String id, SimDriver driver, Recording recording,
                    ReplayOptions options) {
        this.id = id;
        this.protocol = driver.key();
        this.reports = driver.reports();
        this.encoders = key -> driver.newEncoder();
        this.options = options;
        this.rows = recording.rows();
        int first = options.startMinute().orElse(recording.firstMinute());
        if (first > recording.lastMinute()) {
            throw new IllegalArgumentException("start minute " + first + " is past the last minute "
                    + recording.lastMinute() + " of " + recording.source());
        }
        this.startSeconds = first * 60.0;
        double toEnd = (recording.lastMinute() + 1 - first) * 60.0;
        this.lengthSeconds = options.length().map(d -> Math.min(d.toNanos() / 1e9, toEnd)).orElse(toEnd);
        this.end = (long) Math.ceil(lengthSeconds / options.speed()) * SECOND;
        for (Recording.Row r : rows) {
            double at = r.minute() * 60.0 - startSeconds;
            if (r.nibp() != null && at >= 0 && at < lengthSeconds && reports.contains(Vital.NIBP_SYS)) {
                cuff.add(r);
            }
        }
        Objects.requireNonNull(encoders.apply(protocol), () -> "no encoder for protocol '" + protocol + "'");
    }

    @Override
    public String deviceId() {
        return id;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public Duration duration() {
        return Duration.ofNanos(end);
    }

    /** Recorded seconds since minute 0 of the file at played time {@code t} (ns). */
    private double recordedAt(long t) {
        return startSeconds + (t / 1e9) * options.speed();
    }

    /** Index in {@link #cuff} of the latest measurement visible at played time {@code t}, or -1. */
    private int measurementIndex(long t) {
        return latestIndex(cuff, Math.floor(recordedAt(t) / 60.0 + 1e-9));
    }

    private static Recording.Row latest(List<Recording.Row> list, double minute) {
        int i = latestIndex(list, minute);
        return i < 0 ? null : list.get(i);
    }

    /** Index of the last row whose minute is at most {@code minute}, or -1 (binary search; rows ascend). */
    private static int latestIndex(List<Recording.Row> list, double minute) {
        int lo = 0;
        int hi = list.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).minute() <= minute) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    @Override
    public Optional<DeviceOutput> outputAt(Duration t) {
        return Optional.of(output(t.toNanos()));
    }

    private DeviceOutput output(long t) {
        double minute = Math.floor(recordedAt(t) / 60.0 + 1e-9);
        Map<Vital, Double> values = new EnumMap<>(Vital.class);
        Recording.Row row = latest(rows, minute);
        if (row != null) {
            row.values().forEach((v, x) -> {
                if (reports.contains(v)) {
                    values.put(v, x);
                }
            });
        }
        int m = measurementIndex(t);
        if (m >= 0) {
            values.put(Vital.NIBP_SYS, cuff.get(m).nibp().sys());
            values.put(Vital.NIBP_DIA, cuff.get(m).nibp().dia());
            values.put(Vital.NIBP_MEAN, cuff.get(m).nibp().mean());
        }
        return new DeviceOutput(options.clockStart().plusNanos(t), values, false, false, options.serial().orElse(null));
    }

    @Override
    public Iterator<Emission> iterator() {
        FrameEncoder encoder = encoders.apply(protocol);
        return new Iterator<>() {
            private long second;
            private int announced = -1;

            @Override
            public boolean hasNext() {
                return second * SECOND < end;
            }

            @Override
            public Emission next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long t = second++ * SECOND;
                int m = measurementIndex(t);
                String kind = Emission.REPORT;
                if (m > announced) {
                    announced = m;
                    kind = Emission.NIBP;
                }
                return new Emission(Duration.ofNanos(t), encoder.encode(output(t)), kind);
            }
        };
    }
}
