package org.vigil.ui.chart;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a trend chart draws, apart from the viewport: lanes and tracks, each track's samples,
 * the overlays, the cursor. Every setter may be called from any thread (a loader thread hands
 * over a new window of data here); each bumps {@link #version()}, and the chart redraws on its
 * next pulse when the version moved. Values are replaced whole, never modified in place.
 */
public final class ChartState {

    private final AtomicLong version = new AtomicLong();
    private final Map<String, TimeSeries> data = new ConcurrentHashMap<>();
    private volatile List<Lane> lanes = List.of();
    private volatile List<PhaseBand> phases = List.of();
    private volatile List<EventMarker> events = List.of();
    private volatile List<AlarmBand> alarms = List.of();
    private volatile List<BaselineLine> baselines = List.of();
    private volatile List<CuffReading> cuffs = List.of();
    private volatile String cuffLaneId = "";
    private volatile long infusionStart = Long.MIN_VALUE;
    private volatile long cursor = Long.MIN_VALUE;
    private volatile ZoneId zone;
    private volatile Downsampling downsampling = Downsampling.M4;

    public ChartState(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public long version() {
        return version.get();
    }

    private void changed() {
        version.incrementAndGet();
    }

    public List<Lane> lanes() {
        return lanes;
    }

    public void setLanes(List<Lane> l) {
        lanes = List.copyOf(l);
        changed();
    }

    /** The samples of track {@code trackId}, or null when none were set. */
    public TimeSeries data(String trackId) {
        return data.get(trackId);
    }

    /** A read-only view of every track's samples. */
    public Map<String, TimeSeries> data() {
        return java.util.Collections.unmodifiableMap(data);
    }

    /** Replaces the samples of one track. */
    public void setData(String trackId, TimeSeries s) {
        data.put(Objects.requireNonNull(trackId, "trackId"), Objects.requireNonNull(s, "series"));
        changed();
    }

    /** Replaces the samples of several tracks at once (one redraw). */
    public void setData(Map<String, TimeSeries> all) {
        data.putAll(all);
        changed();
    }

    public List<PhaseBand> phases() {
        return phases;
    }

    public void setPhases(List<PhaseBand> p) {
        phases = List.copyOf(p);
        changed();
    }

    public List<EventMarker> events() {
        return events;
    }

    public void setEvents(List<EventMarker> e) {
        events = e.stream().sorted(Comparator.comparingLong(EventMarker::time)).toList();
        changed();
    }

    public List<AlarmBand> alarms() {
        return alarms;
    }

    public void setAlarms(List<AlarmBand> a) {
        alarms = List.copyOf(a);
        changed();
    }

    public List<BaselineLine> baselines() {
        return baselines;
    }

    public void setBaselines(List<BaselineLine> b) {
        baselines = List.copyOf(b);
        changed();
    }

    public List<CuffReading> cuffs() {
        return cuffs;
    }

    public String cuffLaneId() {
        return cuffLaneId;
    }

    /** The cuff readings, drawn in lane {@code laneId}. */
    public void setCuffReadings(String laneId, List<CuffReading> c) {
        cuffs = c.stream().sorted(Comparator.comparingLong(CuffReading::time)).toList();
        cuffLaneId = Objects.requireNonNull(laneId, "laneId");
        changed();
    }

    /** The infusion start (epoch ms), or {@code Long.MIN_VALUE} when there is none. */
    public long infusionStart() {
        return infusionStart;
    }

    public void setInfusionStart(long t) {
        infusionStart = t;
        changed();
    }

    /** The cursor's time, or {@code Long.MIN_VALUE} when there is no cursor. */
    public long cursor() {
        return cursor;
    }

    public void setCursor(long t) {
        if (cursor != t) {
            cursor = t;
            changed();
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public void setZone(ZoneId z) {
        zone = Objects.requireNonNull(z, "zone");
        changed();
    }

    public Downsampling downsampling() {
        return downsampling;
    }

    public void setDownsampling(Downsampling d) {
        downsampling = Objects.requireNonNull(d, "downsampling");
        changed();
    }

    /** The read-out at {@code t} over what the chart holds now. */
    public CursorReadout readoutAt(long t) {
        return CursorReadout.at(t, lanes, data, phases, alarms, cuffs);
    }

    /**
     * The value range of a lane's y axis: the lane's own range, widened (to a multiple of 10)
     * to take in every sample of its tracks, its baselines and, in the cuff lane, the cuff
     * readings. Stays put while panning, as it depends on the data, not on the window.
     */
    public double[] valueRange(Lane lane) {
        double lo = lane.min();
        double hi = lane.max();
        for (Track t : lane.tracks()) {
            TimeSeries s = data.get(t.id());
            if (s != null && s.min() <= s.max()) {
                lo = Math.min(lo, s.min());
                hi = Math.max(hi, s.max());
            }
        }
        for (BaselineLine b : baselines) {
            if (b.laneId().equals(lane.id()) && !Double.isNaN(b.value())) {
                lo = Math.min(lo, b.value());
                hi = Math.max(hi, b.value());
            }
        }
        if (lane.id().equals(cuffLaneId)) {
            for (CuffReading r : cuffs) {
                if (!Double.isNaN(r.dia())) {
                    lo = Math.min(lo, r.dia());
                }
                if (!Double.isNaN(r.sys())) {
                    hi = Math.max(hi, r.sys());
                }
            }
        }
        if (lo < lane.min()) {
            lo = Math.floor(lo / 10) * 10;
        }
        if (hi > lane.max()) {
            hi = Math.ceil(hi / 10) * 10;
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }
}
