package org.vigil.app;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Baseline;
import org.vigil.domain.Reading;
import org.vigil.chair.BaselineChange;
import org.vigil.chair.ChairFeed;
import org.vigil.chair.ConnectionState;
import org.vigil.session.CuffReading;
import org.vigil.chair.DeviceInfo;

/**
 * A chair feed that watches the screen read it, for the UI benchmark: the screen reads
 * {@link #alarms()} once per frame, so the calls give the frame rate, and the first frame that
 * reads a newly raised alarm gives the time from the alarm being raised (the frame's decode time)
 * to the frame that draws its banner. Everything else is passed through.
 */
final class ProbingFeed implements ChairFeed {

    private final ChairFeed inner;
    private final Set<String> seen = new HashSet<>();
    private final long[] frameNanos;
    private final long[] latencyNanos;
    private int frames;
    private int latencies;

    ProbingFeed(ChairFeed inner, int maxFrames, int maxLatencies) {
        this.inner = inner;
        this.frameNanos = new long[maxFrames];
        this.latencyNanos = new long[maxLatencies];
    }

    @Override
    public AlarmSnapshot alarms() {
        AlarmSnapshot s = inner.alarms();
        long nano = System.nanoTime();
        Instant wall = Instant.now();
        synchronized (this) {
            if (frames < frameNanos.length) {
                frameNanos[frames++] = nano;
            }
            Set<String> now = new HashSet<>();
            for (ActiveAlarm a : s.alarms()) {
                String key = a.id() + "@" + a.raisedAt();
                now.add(key);
                if (!seen.contains(key) && a.raisedAt() != null && latencies < latencyNanos.length) {
                    latencyNanos[latencies++] = Math.max(0, java.time.Duration.between(a.raisedAt(), wall).toNanos());
                }
            }
            seen.retainAll(now);
            seen.addAll(now);
        }
        return s;
    }

    synchronized long[] frameTimes() {
        return java.util.Arrays.copyOf(frameNanos, frames);
    }

    synchronized Percentiles latency() {
        return latencies == 0 ? null : Percentiles.ofNanos(latencyNanos, latencies);
    }

    // ---- delegation ----

    @Override
    public String chairId() {
        return inner.chairId();
    }

    @Override
    public String chairLabel() {
        return inner.chairLabel();
    }

    @Override
    public boolean simulated() {
        return inner.simulated();
    }

    @Override
    public List<DeviceInfo> devices() {
        return inner.devices();
    }

    @Override
    public int drainReadings(Consumer<Reading> sink, int max) {
        return inner.drainReadings(sink, max);
    }

    @Override
    public List<Reading> history() {
        return inner.history();
    }

    @Override
    public Optional<AlarmConfig> alarmConfig() {
        return inner.alarmConfig();
    }

    @Override
    public Map<String, ConnectionState> connectionStates() {
        return inner.connectionStates();
    }

    @Override
    public Map<String, org.vigil.domain.DeviceIdentity> deviceIdentities() {
        return inner.deviceIdentities();
    }

    @Override
    public Instant now() {
        return inner.now();
    }

    @Override
    public Instant sessionStart() {
        return inner.sessionStart();
    }

    @Override
    public void acknowledge(org.vigil.domain.Actor user) {
        inner.acknowledge(user);
    }

    @Override
    public void pauseAudio(org.vigil.domain.Actor user) {
        inner.pauseAudio(user);
    }

    @Override
    public BaselineChange setBaselineFromLastCuffReadings(org.vigil.domain.Actor user) {
        return inner.setBaselineFromLastCuffReadings(user);
    }

    @Override
    public BaselineChange setBaselineFromCuffReadings(List<CuffReading> picked, org.vigil.domain.Actor user) {
        return inner.setBaselineFromCuffReadings(picked, user);
    }

    @Override
    public BaselineChange setBaselineTyped(String sys, String dia, org.vigil.domain.Actor user) {
        return inner.setBaselineTyped(sys, dia, user);
    }

    @Override
    public List<CuffReading> cuffReadings() {
        return inner.cuffReadings();
    }

    @Override
    public Optional<Baseline> baseline() {
        return inner.baseline();
    }

    @Override
    public List<org.vigil.chair.AlarmLogEntry> alarmLog() {
        return inner.alarmLog();
    }

    @Override
    public org.vigil.chair.LimitChange changeLimit(String alarmId, double newThreshold, org.vigil.domain.Actor user) {
        return inner.changeLimit(alarmId, newThreshold, user);
    }

    @Override
    public Optional<org.vigil.chair.ThresholdRange> thresholdRange(String alarmId) {
        return inner.thresholdRange(alarmId);
    }

    @Override
    public org.vigil.session.ActionResult setAlarmEnabled(String alarmId, boolean on, org.vigil.domain.Actor user) {
        return inner.setAlarmEnabled(alarmId, on, user);
    }
}
