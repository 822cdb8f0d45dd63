package org.vigil.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Baseline;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;
import org.vigil.chair.AlarmLogEntry;
import org.vigil.chair.BaselineChange;
import org.vigil.chair.BaselineEntry;
import org.vigil.chair.ChairFeed;
import org.vigil.session.CuffReading;
import org.vigil.chair.LimitChange;
import org.vigil.chair.ThresholdRange;
import org.vigil.chair.ConnectionState;
import org.vigil.chair.DeviceInfo;

/** A scripted chair feed for screen tests: the test sets the time, pushes readings and alarms, and reads the commands. */
final class FakeChairFeed implements ChairFeed {

    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
    static final DeviceInfo OXIMETER = new DeviceInfo("ox", "Masimo oximeter", "masimo", "/dev/ttyUSB0",
            Set.of(Vital.SPO2, Vital.PR, Vital.PI), true);
    static final DeviceInfo MONITOR = new DeviceInfo("mon", "Ivy monitor", "ivy", "/dev/ttyUSB1",
            Set.of(Vital.HR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN), true);

    private final ConcurrentLinkedQueue<Reading> buffer = new ConcurrentLinkedQueue<>();
    private final List<Reading> history = new CopyOnWriteArrayList<>();
    private final Map<String, ConnectionState> states = new ConcurrentHashMap<>();
    private final Map<String, org.vigil.domain.DeviceIdentity> identities = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    final List<String> acknowledgedBy = new CopyOnWriteArrayList<>();
    final List<String> pausedBy = new CopyOnWriteArrayList<>();
    final List<String> baselineBy = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger connectionStatesReads = new java.util.concurrent.atomic.AtomicInteger();
    final List<CuffReading> cuffs = new CopyOnWriteArrayList<>();
    /** How each accepted baseline was set. */
    final List<String> baselineSources = new CopyOnWriteArrayList<>();
    volatile Baseline baseline;
    volatile boolean simulated = true;
    volatile Instant now = START;
    volatile Instant sessionStart = START;
    volatile AlarmSnapshot alarms = AlarmSnapshot.empty(START);
    volatile AlarmConfig config = AlarmConfig.defaults();
    volatile List<DeviceInfo> devices = List.of(OXIMETER, MONITOR);
    /** Threshold changes asked, as {@code id=value by user}. */
    final List<String> limitChanges = new CopyOnWriteArrayList<>();
    /** Alarm off/on asked, as {@code id on|off by user}. */
    final List<String> enabledChanges = new CopyOnWriteArrayList<>();
    /** Refusal reasons by alarm id; an id not in it accepts every change. */
    final Map<String, String> refusals = new ConcurrentHashMap<>();
    final List<AlarmLogEntry> log = new CopyOnWriteArrayList<>();
    /** The clinical session's commands and view ({@link FakeClinic} sets them); none by default. */
    volatile org.vigil.chair.ClinicalCommands clinical = org.vigil.chair.ClinicalCommands.UNAVAILABLE;
    volatile java.util.function.Supplier<Optional<org.vigil.session.SessionView>> clinicalView = Optional::empty;
    /** The chair's pleth; none unless a test sets one. */
    volatile org.vigil.chair.WaveTrace pleth;
    volatile String id = "chair1";
    volatile String label = "Chair 1";

    FakeChairFeed() {
        states.put("ox", ConnectionState.CONNECTED);
        states.put("mon", ConnectionState.CONNECTED);
    }

    /** Sets the station clock to {@code seconds} after session start. */
    FakeChairFeed at(double seconds) {
        now = START.plusMillis(Math.round(seconds * 1000));
        return this;
    }

    /** Queues a reading taken {@code seconds} after session start. */
    FakeChairFeed push(double seconds, Vital v, double value, ReadingFlag... flags) {
        buffer.add(reading(seconds, v, value, flags));
        return this;
    }

    /** Queues {@code r} as it is. */
    FakeChairFeed pushReading(Reading r) {
        buffer.add(r);
        return this;
    }

    static Reading reading(double seconds, Vital v, double value, ReadingFlag... flags) {
        String device = v == Vital.HR || v.isNibp() ? "mon" : "ox";
        return new Reading(START.plusMillis(Math.round(seconds * 1000)), device, v, value, Set.of(flags));
    }

    void addHistory(Reading r) {
        history.add(r);
    }

    void state(String device, ConnectionState s) {
        states.put(device, s);
    }

    /** The device told who it is. */
    void identity(String device, org.vigil.domain.DeviceIdentity id) {
        identities.put(device, id);
    }

    /** The device is disconnected for {@code reason} (the station's plain words). */
    void disconnected(String device, String reason) {
        states.put(device, ConnectionState.DISCONNECTED);
        problems.put(device, reason);
    }

    int buffered() {
        return buffer.size();
    }

    /** Sets the alarm picture to {@code list}, with audio paused until {@code pausedUntil} (may be null). */
    void alarms(Instant pausedUntil, Set<String> disabled, ActiveAlarm... list) {
        alarms = new AlarmSnapshot(now, List.of(list), pausedUntil, disabled);
    }

    void alarms(ActiveAlarm... list) {
        alarms(null, Set.of(), list);
    }

    static ActiveAlarm alarm(String id, Priority p, String parameter, Double value, Double limit, String message,
            Instant raisedAt) {
        return new ActiveAlarm(id, p, AlarmKind.PHYSIOLOGICAL, parameter, value, limit, message, raisedAt, true, false,
                false, true);
    }

    @Override
    public String chairId() {
        return id;
    }

    @Override
    public String chairLabel() {
        return label;
    }

    @Override
    public Optional<org.vigil.session.SessionView> clinicalSession() {
        return clinicalView.get();
    }

    @Override
    public org.vigil.chair.ClinicalCommands clinical() {
        return clinical;
    }

    @Override
    public boolean simulated() {
        return simulated;
    }

    @Override
    public List<DeviceInfo> devices() {
        return devices;
    }

    @Override
    public int drainReadings(Consumer<Reading> sink, int max) {
        int n = 0;
        Reading r;
        while (n < max && (r = buffer.poll()) != null) {
            sink.accept(r);
            n++;
        }
        return n;
    }

    @Override
    public List<Reading> history() {
        return new ArrayList<>(history);
    }

    @Override
    public AlarmSnapshot alarms() {
        return alarms;
    }

    @Override
    public Optional<AlarmConfig> alarmConfig() {
        return Optional.ofNullable(config);
    }

    @Override
    public Map<String, ConnectionState> connectionStates() {
        connectionStatesReads.incrementAndGet();
        return Map.copyOf(states);
    }

    @Override
    public Map<String, String> connectionProblems() {
        return Map.copyOf(problems);
    }

    @Override
    public Map<String, org.vigil.domain.DeviceIdentity> deviceIdentities() {
        return Map.copyOf(identities);
    }

    @Override
    public Optional<org.vigil.chair.WaveTrace> pleth() {
        return Optional.ofNullable(pleth);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Instant sessionStart() {
        return sessionStart;
    }

    @Override
    public void acknowledge(org.vigil.domain.Actor actor) {
        String user = actor.name();
        acknowledgedBy.add(user);
    }

    @Override
    public void pauseAudio(org.vigil.domain.Actor actor) {
        String user = actor.name();
        pausedBy.add(user);
    }

    @Override
    public BaselineChange setBaselineFromLastCuffReadings(org.vigil.domain.Actor actor) {
        String user = actor.name();
        baselineBy.add(user);
        return set(BaselineEntry.lastTwo(cuffs, 72.0));
    }

    @Override
    public BaselineChange setBaselineFromCuffReadings(List<CuffReading> picked, org.vigil.domain.Actor actor) {
        String user = actor.name();
        baselineBy.add(user);
        return set(BaselineEntry.chosen(picked, 72.0));
    }

    @Override
    public BaselineChange setBaselineTyped(String sys, String dia, org.vigil.domain.Actor actor) {
        String user = actor.name();
        baselineBy.add(user);
        return set(BaselineEntry.typed(sys, dia, 72.0));
    }

    private BaselineChange set(BaselineChange c) {
        if (c.accepted()) {
            baseline = c.baseline();
            baselineSources.add(c.source());
        }
        return c;
    }

    @Override
    public List<CuffReading> cuffReadings() {
        return List.copyOf(cuffs);
    }

    @Override
    public Optional<Baseline> baseline() {
        return Optional.ofNullable(baseline);
    }

    /** A cuff measurement {@code secondsAfterStart} into the session, on the chair's history and the screen's. */
    void cuff(long secondsAfterStart, double sys, double dia) {
        Instant t = START.plusSeconds(secondsAfterStart);
        cuffs.add(new CuffReading(t, "mon", sys, dia, Math.round(dia + (sys - dia) / 3)));
        push(secondsAfterStart, Vital.NIBP_SYS, sys);
        push(secondsAfterStart, Vital.NIBP_DIA, dia);
    }

    @Override
    public List<AlarmLogEntry> alarmLog() {
        return List.copyOf(log);
    }

    @Override
    public LimitChange changeLimit(String alarmId, double newThreshold, org.vigil.domain.Actor actor) {
        String user = actor.name();
        limitChanges.add(alarmId + "=" + org.vigil.alarm.AlarmLogFormat.number(newThreshold) + " by " + user);
        var rule = config.rule(alarmId);
        if (rule.isEmpty()) {
            return LimitChange.refused(alarmId, newThreshold, null, "unknown alarm id '" + alarmId + "'");
        }
        String refusal = refusals.get(alarmId);
        if (refusal != null) {
            return LimitChange.refused(alarmId, newThreshold, rule.get().threshold(), refusal);
        }
        config = config.withRule(rule.get().withThreshold(newThreshold));
        return LimitChange.accepted(alarmId, rule.get().threshold(), newThreshold);
    }

    @Override
    public Optional<ThresholdRange> thresholdRange(String alarmId) {
        if (alarmId.startsWith("spo2.")) {
            return Optional.of(new ThresholdRange(80, 95));
        }
        return alarmId.equals("hr.low") ? Optional.of(new ThresholdRange(30, 60)) : Optional.empty();
    }

    @Override
    public org.vigil.session.ActionResult setAlarmEnabled(String alarmId, boolean on, org.vigil.domain.Actor actor) {
        String user = actor.name();
        enabledChanges.add(alarmId + (on ? " on" : " off") + " by " + user);
        config.rule(alarmId).ifPresent(r -> config = config.withRule(r.withEnabled(on)));
        return org.vigil.session.ActionResult.ok();
    }
}
