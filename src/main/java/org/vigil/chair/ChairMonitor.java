package org.vigil.chair;

import org.vigil.session.CuffReading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import org.vigil.domain.Decimals;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.session.ActionResult;
import org.vigil.session.ClinicalEventKind;
import org.vigil.session.ClinicalSession;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.Phase;
import org.vigil.session.SessionRules;
import org.vigil.session.SessionView;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmEngine;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmListener;
import org.vigil.alarm.AlarmSettingsState;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.ArtifactMarker;
import org.vigil.alarm.Baseline;
import org.vigil.alarm.SilencingEvent;
import org.vigil.alarm.SilencingEventType;
import org.vigil.device.DeviceListener;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.AuditSink;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.device.LinkState;
import org.vigil.domain.Vital;
import org.vigil.domain.WaveChunk;
import org.vigil.access.Authorizer;
import org.vigil.access.Command;

/**
 * The running core of one chair: it receives readings from the device connections, marks
 * artifacts, drives the alarm engine, records the session and feeds the screen.
 *
 * <p>Threading: device reader threads call the {@link DeviceListener} methods, which only hand
 * the readings to the {@code core} executor (one thread for the station, or the caller's thread
 * in the fast scenario runner). Everything that touches the alarm engine runs there, so the
 * engine needs no locks. The screen reads a bounded buffer and a volatile snapshot, never
 * blocking the core; a full screen buffer drops the oldest readings for the screen only (the
 * screen's session history, decimated to a fixed size, and the recorder get every one). Alarms
 * do not depend on the screen or the recorder: both only receive what the engine decided.
 *
 * <p>Sources: a device's readings count only for the vitals it is configured to measure (a
 * monitor's empty fields for unused parameters are ignored). When two devices measure the same
 * vital, both are recorded but the first device in the chair's configuration drives that vital's
 * alarms and numeric.
 */
public final class ChairMonitor implements ChairFeed, DeviceListener {

    private static final Logger log = LoggerFactory.getLogger(ChairMonitor.class);
    /** Alarm log entries kept in memory per chair (the session database keeps every one). */
    static final int ALARM_LOG_LIMIT = 100_000;

    private final ChairSpec spec;
    private final InstantSource clock;
    private final Executor core;
    /** Where the chair records now: the clinical session's record, or the between-sessions one; core thread. */
    private SessionRecorder recorder;
    private final SessionRecords records;
    private final SessionRules rules;
    /** The clinical session in the chair (core thread), null while the chair is free. */
    private ClinicalSession clinical;
    private volatile SessionView clinicalView;
    private volatile Reading latestSpo2;
    private volatile Reading latestRr;
    private final Commands commands = new Commands();
    private final Instant sessionStart;
    private final AlarmEngine engine;
    private final ArtifactMarker artifacts = new ArtifactMarker();
    private final Map<String, ChairSpec.Device> devicesById = new LinkedHashMap<>();
    private final IdentitiesInForce identities = new IdentitiesInForce();
    private final Map<Vital, String> alarmSource = new EnumMap<>(Vital.class);
    private final ScreenBuffer screen = new ScreenBuffer();
    private final WaveTrace pleth = new WaveTrace();
    private final CuffHistory cuffs = new CuffHistory();
    /** The latest valid HR and PR of their alarm source, for the baseline's heart rate. */
    private volatile Reading latestHr;
    private volatile Reading latestPr;
    private volatile Baseline baseline;
    private final DeviceLiveness liveness;
    private final List<AlarmListener> alarmListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<AlarmSnapshot>> snapshotListeners = new CopyOnWriteArrayList<>();
    private volatile AlarmSnapshot snapshot;
    private volatile AlarmConfig alarmConfig;
    /** The alarm settings in force as last published (what a restart after a crash puts back). */
    private volatile AlarmSettingsState settings;
    private final List<Consumer<AlarmSettingsState>> settingsListeners = new CopyOnWriteArrayList<>();
    private long publishedVersion = -1;
    private final AlarmLogBook logBook = new AlarmLogBook(ALARM_LOG_LIMIT);
    private final LimitEditor limits;
    private final CrashRestore restore;
    private final AuditSink audit;
    /** True on the core thread while a limit change is applied: its limit_changed record replaces config_changed. */
    private boolean applyingLimits;

    /** A chair that accepts any finite, non-negative threshold change (tests, scenario runner). */
    public ChairMonitor(ChairSpec spec, AlarmConfig alarms, InstantSource clock, Executor core, SessionRecorder recorder) {
        this(spec, alarms, clock, core, recorder, LimitPolicy.PERMISSIVE);
    }

    /** A chair whose threshold changes are judged by {@code limitPolicy} (the clinic bounds). */
    public ChairMonitor(ChairSpec spec, AlarmConfig alarms, InstantSource clock, Executor core, SessionRecorder recorder,
            LimitPolicy limitPolicy) {
        this(spec, alarms, clock, core, recorder, limitPolicy, SessionRules.DEFAULTS, SessionRecords.NONE);
    }

    /**
     * A chair that runs clinical sessions under {@code rules}, each recorded where {@code records}
     * says ({@code recorder} is the record the chair starts with).
     */
    public ChairMonitor(ChairSpec spec, AlarmConfig alarms, InstantSource clock, Executor core, SessionRecorder recorder,
            LimitPolicy limitPolicy, SessionRules rules, SessionRecords records) {
        this(spec, alarms, clock, core, recorder, limitPolicy, rules, records, AuditSink.NONE);
    }

    /**
     * As above, recording acknowledgements, audio pauses, limit changes, alarms off and on and every
     * refused command in the audit trail ({@code audit}).
     */
    public ChairMonitor(ChairSpec spec, AlarmConfig alarms, InstantSource clock, Executor core, SessionRecorder recorder,
            LimitPolicy limitPolicy, SessionRules rules, SessionRecords records, AuditSink audit) {
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
        this.rules = rules;
        this.records = records;
        this.limits = new LimitEditor(limitPolicy, alarms);
        this.spec = spec;
        this.clock = clock;
        this.core = core;
        this.recorder = recorder;
        this.sessionStart = clock.instant();
        this.liveness = new DeviceLiveness(sessionStart);
        this.engine = new AlarmEngine(alarms, clock, this::onAlarmEvent, this::onSilencingEvent);
        this.restore = new CrashRestore(limits, engine);
        for (ChairSpec.Device d : spec.devices()) {
            devicesById.put(d.info().id(), d);
            engine.addDevice(d.alarmProfile());
            artifacts.addDevice(d.alarmProfile());
            liveness.add(d.info().id(), d.alarmProfile().silenceTimeout());
            for (Vital v : d.info().vitals()) {
                alarmSource.putIfAbsent(v, d.info().id());
            }
        }
        this.snapshot = engine.snapshot();
        this.alarmConfig = engine.config();
        this.settings = engine.settingsState();
    }

    /**
     * Receives the alarm settings in force each time they change (thresholds, alarms off, baseline,
     * audio pause, latched alarms), on the core thread; must not block (the station queues them for
     * the disk).
     */
    public void addSettingsListener(Consumer<AlarmSettingsState> l) {
        settingsListeners.add(l);
    }

    /** The alarm settings in force as last published. */
    public AlarmSettingsState settings() {
        return settings;
    }

    /** Receives every alarm log event, on the core thread. */
    public void addAlarmListener(AlarmListener l) {
        alarmListeners.add(l);
    }

    /** Receives each new alarm snapshot, on the core thread (e.g. the alarm sound player). */
    public void addSnapshotListener(Consumer<AlarmSnapshot> l) {
        snapshotListeners.add(l);
    }

    // ---- device side (reader threads) ----

    @Override
    public void onReadings(String deviceId, List<Reading> readings) {
        core.execute(() -> handleReadings(deviceId, readings));
    }

    /**
     * The pleth goes to the screen's trace at once (a copy of a few ints under its own lock) and
     * to the recorder through the core thread, which owns the recorder; never to the alarms.
     */
    @Override
    public void onWave(WaveChunk chunk) {
        if (!devicesById.containsKey(chunk.deviceId())) {
            return;
        }
        pleth.add(chunk);
        core.execute(() -> recorder.wave(chunk));
    }

    /**
     * A device told who it is (the first time, or a different device on the same link: a probe or
     * monitor swapped): recorded with the session when it differs from the identity in force, and
     * shown on the device's status line.
     */
    @Override
    public void onIdentity(DeviceIdentityChange change) {
        if (!devicesById.containsKey(change.deviceId())) {
            return;
        }
        core.execute(() -> {
            if (identities.take(change)) {
                recorder.identity(change);
                log.info("chair {}: device {} is {}", spec.id(), change.deviceId(), change.identity().describe());
            }
        });
    }

    /** A new record starts with the identities in force (they stay in force from its first moment). */
    private void recordIdentities(Instant at) {
        identities.restatedAt(at).forEach(recorder::identity);
    }

    @Override
    public Map<String, DeviceIdentity> deviceIdentities() {
        return identities.view();
    }

    @Override
    public void onLinkState(String deviceId, LinkState state) {
        if (state == LinkState.NEGOTIATING) {
            core.execute(() -> liveness.negotiating(deviceId));
        } else if (state == LinkState.CONNECTED) {
            core.execute(() -> liveness.negotiated(deviceId));
        }
    }

    @Override
    public void onConnected(String deviceId, String endpoint) {
        core.execute(() -> {
            liveness.connected(deviceId);
            engine.onDeviceConnected(deviceId);
            publish();
        });
    }

    @Override
    public void onDisconnected(String deviceId, String reason) {
        core.execute(() -> {
            liveness.disconnected(deviceId, reason);
            engine.onDeviceDisconnected(deviceId, reason);
            publish();
        });
    }

    /** Re-evaluates time-based conditions (delays, silence, pauses, escalation). Call every 100-250 ms. */
    public void tick() {
        core.execute(() -> {
            engine.tick();
            liveness.tick(clock.instant());
            publish();
        });
    }

    /**
     * Records a station-wide alarm event ({@link StationMonitor}) in this chair's session and
     * on-screen log, so each session's record shows the station's state during it. It never enters
     * this chair's alarms: the chair neither shows, sounds nor acknowledges it.
     */
    public void recordStationAlarm(AlarmEvent e) {
        core.execute(() -> {
            logBook.add(AlarmLogEntry.of(e));
            recorder.alarm(e);
        });
    }

    /** Applies a new alarm configuration (limit edits), logged with the user. */
    public void updateAlarmConfig(AlarmConfig config, String user) {
        limits.replaced(config);
        core.execute(() -> {
            engine.updateConfig(config, user);
            publish();
        });
    }

    @Override
    public ActionResult setAlarmEnabled(String alarmId, boolean on, Actor actor) {
        Optional<String> no = refusal(actor, Command.ALARM_OFF_ON, alarmId);
        if (no.isPresent()) {
            return ActionResult.refused(no.get());
        }
        String user = actor.name();
        audit(actor, on ? "alarm.on" : "alarm.off", Map.of("alarm", alarmId));
        limits.enabled(alarmId, on);
        core.execute(() -> {
            try {
                engine.setAlarmEnabled(alarmId, on, user);
            } catch (IllegalArgumentException e) {
                log.warn("chair {}: cannot switch alarm {} {}: {}", spec.id(), alarmId, on ? "on" : "off", e.getMessage());
            }
            publish();
        });
        return ActionResult.ok();
    }

    /**
     * Why {@code actor} may not run {@code command} on this chair, or empty; a refusal is logged
     * and goes to the audit trail.
     */
    private Optional<String> refusal(Actor actor, Command command, String what) {
        Optional<String> no = Authorizer.refusal(actor, command);
        if (no.isPresent()) {
            log.info("chair {}: {} refused for {}: {}", spec.id(), command, actor == null ? "nobody" : actor.userId(),
                    no.get());
            Map<String, String> d = new LinkedHashMap<>();
            d.put("command", command.name().toLowerCase(java.util.Locale.ROOT));
            if (what != null) {
                d.put("what", what);
            }
            d.put("why", no.get());
            audit(actor == null ? Actor.SYSTEM : actor, "command.refused", d);
        }
        return no;
    }

    private void audit(Actor actor, String action, Map<String, String> detail) {
        try {
            audit.record(new AuditEntry(clock.instant(), actor, action, "chair:" + spec.id(), detail));
        } catch (RuntimeException e) {
            log.error("chair {}: the audit trail refused {}", spec.id(), action, e);
        }
    }

    /** Sets the session baseline explicitly (scenario baseline, check-in). */
    public void setBaseline(Baseline baseline, String user) {
        setBaseline(baseline, user, null);
    }

    /** As {@link #setBaseline(Baseline, String)}, recording how it was set ({@code source}, may be null). */
    private void setBaseline(Baseline b, String user, String source) {
        core.execute(() -> {
            engine.setBaseline(b, user, source);
            baseline = b;
            publish();
        });
    }

    /**
     * One frame's readings. Readings of vitals the device is not configured for are dropped: a
     * protocol may carry fields the chair takes from another device (the monitor's empty SpO2
     * field while SpO2 comes from the oximeter), and those must neither end that device's
     * conditions nor show on screen. A frame left with nothing still tells that the device talks.
     */
    private void handleReadings(String deviceId, List<Reading> readings) {
        ChairSpec.Device device = devicesById.get(deviceId);
        Set<Vital> configured = device == null ? Set.of() : device.info().vitals();
        boolean used = false;
        boolean fedEngine = false;
        Reading sys = null;
        Reading dia = null;
        Reading mean = null;
        boolean sensorOff = false;
        Instant heardAt = null;
        for (Reading raw : readings) {
            if (device != null && configured.contains(raw.vital())) {
                heardAt = raw.time();
                sensorOff |= raw.flags().contains(ReadingFlag.SENSOR_OFF) || raw.flags().contains(ReadingFlag.NO_SENSOR);
            }
        }
        if (heardAt != null) {
            liveness.heard(deviceId, heardAt, sensorOff);
        }
        for (Reading raw : readings) {
            if (device == null || !configured.contains(raw.vital())) {
                continue;
            }
            used = true;
            Reading r = artifacts.mark(raw);
            recorder.reading(r);
            if (!raw.deviceId().equals(alarmSource.get(r.vital()))) {
                // A second device measuring the same vital is recorded, but only the chair's
                // first device for that vital drives its alarms and its numeric on screen.
                continue;
            }
            engine.onReading(r);
            fedEngine = true;
            screen.add(r);
            if (r.isValid()) {
                switch (r.vital()) {
                    case NIBP_SYS -> sys = r;
                    case NIBP_DIA -> dia = r;
                    case NIBP_MEAN -> mean = r;
                    case HR -> latestHr = r;
                    case PR -> latestPr = r;
                    case SPO2 -> latestSpo2 = r;
                    case RR -> latestRr = r;
                    default -> { }
                }
            }
        }
        if (sys != null && dia != null) {
            // One cuff measurement arrives as one frame (NibpTracker): keep it for the whole session.
            CuffReading cuff = new CuffReading(sys.time(), deviceId, sys.value(), dia.value(),
                    mean == null ? Double.NaN : mean.value());
            cuffs.add(cuff);
            if (clinical != null) {
                clinical.onCuff(cuff, clock.instant());
            }
        }
        if (clinical != null && fedEngine) {
            clinical.onVitals(value(latestSpo2), heart(), value(latestRr), clock.instant());
        }
        if (device != null && !fedEngine) {
            // The device talks even though nothing it sent drives an alarm here: no false "no data".
            if (!used) {
                liveness.heard(deviceId, clock.instant());
            }
            engine.onDeviceHeard(deviceId);
        }
        publish();
    }

    private void onAlarmEvent(AlarmEvent e) {
        logBook.add(AlarmLogEntry.of(e));
        recorder.alarm(e);
        for (AlarmListener l : alarmListeners) {
            try {
                l.onAlarmEvent(e);
            } catch (RuntimeException ex) {
                log.warn("alarm listener failed on {}", e.alarmId(), ex);
            }
        }
    }

    private void onSilencingEvent(SilencingEvent e) {
        if (applyingLimits && e.type() == SilencingEventType.CONFIG_CHANGED) {
            return;
        }
        logBook.add(AlarmLogBook.of(e, engine.config()));
        recorder.event(RecordedEvent.of(e.time(), SessionEventType.fromKey(e.type().key()), AlarmLogBook.details(e),
                e.user()));
    }

    private void publish() {
        long v = engine.version();
        if (v == publishedVersion) {
            return;
        }
        publishedVersion = v;
        AlarmSnapshot s = engine.snapshot();
        snapshot = s;
        alarmConfig = engine.config();
        AlarmSettingsState now = engine.settingsState();
        if (!now.equals(settings)) {
            settings = now;
            for (Consumer<AlarmSettingsState> l : settingsListeners) {
                try {
                    l.accept(now);
                } catch (RuntimeException ex) {
                    log.warn("settings listener failed", ex);
                }
            }
        }
        for (Consumer<AlarmSnapshot> l : snapshotListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException ex) {
                log.warn("snapshot listener failed", ex);
            }
        }
    }

    // ---- screen side (any thread, non-blocking) ----

    @Override
    public String chairId() {
        return spec.id();
    }

    @Override
    public String chairLabel() {
        return spec.label();
    }

    @Override
    public boolean simulated() {
        return spec.simulated();
    }

    @Override
    public List<DeviceInfo> devices() {
        return spec.devices().stream().map(ChairSpec.Device::info).toList();
    }

    @Override
    public int drainReadings(Consumer<Reading> sink, int max) {
        return screen.drain(sink, max);
    }

    @Override
    public Optional<WaveTrace> pleth() {
        return Optional.of(pleth);
    }

    @Override
    public List<Reading> history() {
        return screen.history();
    }

    @Override
    public AlarmSnapshot alarms() {
        return snapshot;
    }

    @Override
    public Optional<AlarmConfig> alarmConfig() {
        return Optional.of(alarmConfig);
    }

    @Override
    public Map<String, ConnectionState> connectionStates() {
        return liveness.snapshot();
    }

    @Override
    public Map<String, String> connectionProblems() {
        return liveness.problems();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Instant sessionStart() {
        return sessionStart;
    }

    @Override
    public void acknowledge(Actor actor) {
        if (refusal(actor, Command.ACKNOWLEDGE, null).isPresent()) {
            return;
        }
        String user = actor.name();
        core.execute(() -> {
            int shown = engine.snapshot().alarms().size();
            if (shown > 0) {
                audit(actor, "alarm.acknowledged", Map.of("how", actor.how(), "alarms", Integer.toString(shown)));
            }
            engine.acknowledge(user);
            publish();
        });
    }

    @Override
    public void pauseAudio(Actor actor) {
        if (refusal(actor, Command.PAUSE_AUDIO, null).isPresent()) {
            return;
        }
        String user = actor.name();
        audit(actor, "alarm.audio_paused", Map.of("how", actor.how()));
        core.execute(() -> {
            engine.pauseAudio(user);
            publish();
        });
    }

    @Override
    public BaselineChange setBaselineFromLastCuffReadings(Actor actor) {
        Optional<String> no = refusal(actor, Command.SET_BASELINE, null);
        if (no.isPresent()) {
            return BaselineChange.refused(no.get());
        }
        return apply(BaselineEntry.lastTwo(cuffs.last(2), heart()), actor.name());
    }

    @Override
    public BaselineChange setBaselineFromCuffReadings(List<CuffReading> picked, Actor actor) {
        Optional<String> no = refusal(actor, Command.SET_BASELINE, null);
        if (no.isPresent()) {
            return BaselineChange.refused(no.get());
        }
        return apply(BaselineEntry.chosen(picked, heart()), actor.name());
    }

    @Override
    public BaselineChange setBaselineTyped(String sys, String dia, Actor actor) {
        Optional<String> no = refusal(actor, Command.SET_BASELINE, null);
        if (no.isPresent()) {
            return BaselineChange.refused(no.get());
        }
        return apply(BaselineEntry.typed(sys, dia, heart()), actor.name());
    }

    @Override
    public List<CuffReading> cuffReadings() {
        return cuffs.all();
    }

    @Override
    public Optional<Baseline> baseline() {
        return Optional.ofNullable(baseline);
    }

    private BaselineChange apply(BaselineChange c, String user) {
        if (c.accepted()) {
            setBaseline(c.baseline(), user, c.source());
        }
        return c;
    }

    /** The latest valid HR, or PR when no HR came: the baseline's heart rate; null when neither. */
    private Double heart() {
        Reading h = latestHr != null ? latestHr : latestPr;
        return h == null ? null : h.value();
    }

    // ---- limits and alarm log ----

    @Override
    public List<AlarmLogEntry> alarmLog() {
        return logBook.entries();
    }

    @Override
    public LimitChange changeLimit(String alarmId, double newThreshold, Actor actor) {
        Optional<String> no = refusal(actor, Command.CHANGE_LIMIT, alarmId);
        if (no.isPresent()) {
            return LimitChange.refused(alarmId, newThreshold, null, no.get());
        }
        String user = actor.name();
        LimitChange c = limits.request(alarmId, newThreshold);
        if (c.changed()) {
            audit(actor, "limit.changed", Map.of("alarm", alarmId, "threshold", Decimals.format(newThreshold)));
            List<LimitEditor.Edit> edit = List.of(new LimitEditor.Edit(alarmId, newThreshold));
            core.execute(() -> applyThresholds(edit, null, user));
        }
        return c;
    }

    @Override
    public Optional<ThresholdRange> thresholdRange(String alarmId) {
        return limits.range(alarmId);
    }

    /**
     * Puts the clinic defaults' thresholds in force on this chair (an admin saved them from some
     * chair). Every threshold that changes here, or whose clinic default changed from
     * {@code previousDefaults}, is recorded as {@code limit_changed} with scope clinic. Alarms
     * switched off stay off.
     */
    public void applyClinicLimits(AlarmConfig defaults, AlarmConfig previousDefaults, String user) {
        List<LimitEditor.Edit> edits = limits.takeThresholds(defaults);
        core.execute(() -> applyThresholds(edits, previousDefaults, user));
    }

    /** The thresholds this chair will have once every accepted change is applied (what a save as clinic defaults takes). */
    public AlarmConfig requestedLimits() {
        return limits.requested();
    }

    /** On the core thread: records each change, then puts them in force together. */
    private void applyThresholds(List<LimitEditor.Edit> edits, AlarmConfig clinicBefore, String user) {
        AlarmConfig cfg = LimitChangeRecords.record(edits, engine.config(), clinicBefore, clock.instant(), user, logBook,
                recorder);
        if (cfg == null) {
            return;
        }
        applyingLimits = true;
        try {
            engine.updateConfig(cfg, user);
        } finally {
            applyingLimits = false;
        }
        publish();
    }

    // ---- the clinical session ----

    @Override
    public Optional<SessionView> clinicalSession() {
        return Optional.ofNullable(clinicalView);
    }

    @Override
    public ClinicalCommands clinical() {
        return commands;
    }

    /**
     * Puts back the clinical session a crash interrupted, from its recorded events, recording
     * into {@code recorder} (the same session record); call before the devices connect.
     */
    public void resumeClinical(Patient patient, InfusionOrder order, List<RecordedEvent> history,
            List<CuffReading> recordedCuffs) {
        resumeClinical(patient, order, history, recordedCuffs, null, () -> { });
    }

    /**
     * Resumes a clinical session found after the chair started (the database opened late): when
     * the chair is still free, {@code switchRecords} runs and the chair records into {@code into};
     * completes false, changing nothing, when a patient was checked in meanwhile.
     */
    public CompletableFuture<Boolean> resumeClinical(Patient patient, InfusionOrder order, List<RecordedEvent> history,
            List<CuffReading> recordedCuffs, SessionRecorder into, Runnable switchRecords) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        core.execute(() -> {
            if (clinical != null) {
                done.complete(false);
                return;
            }
            switchRecords.run();
            if (into != null) {
                recorder = into;
                recordIdentities(clock.instant());
            }
            // the chair's own history gets them too (a baseline from the last two cuffs after a restart)
            recordedCuffs.forEach(cuffs::add);
            clinical = ClinicalSession.resume(patient, order, rules, history, recordedCuffs, this::onSessionEvent);
            clinicalView = clinical.view();
            log.warn("chair {}: clinical session resumed in phase {}", spec.id(), clinical.phase().key()); // never a name or MRN in logs
            done.complete(true);
        });
        return done;
    }

    /** The record the chair writes to now (tests). */
    SessionRecorder recorder() {
        return recorder;
    }

    private void onSessionEvent(RecordedEvent e) {
        recorder.event(e);
    }

    /** After every command: the new view, and a discharged session leaves the chair. */
    private void afterCommand() {
        if (clinical == null) {
            clinicalView = null;
            return;
        }
        if (clinical.phase() == Phase.DISCHARGED) {
            Instant at = clock.instant();
            recorder = records.endClinical(recorder, Phase.DISCHARGED, at);
            recordIdentities(at);
            // the baseline was the patient's: the free chair has none (rise-from-baseline alarms off)
            if (baseline != null) {
                engine.setBaseline(null, null, "patient discharged");
                baseline = null;
                publish();
            }
            log.info("chair {}: patient discharged; the chair is free", spec.id());
            clinical = null;
            clinicalView = null;
            return;
        }
        clinicalView = clinical.view();
    }

    private static Double value(Reading r) {
        return r == null ? null : r.value();
    }

    private CompletableFuture<ActionResult> onCore(java.util.function.Supplier<ActionResult> command) {
        CompletableFuture<ActionResult> f = new CompletableFuture<>();
        try {
            core.execute(() -> {
                try {
                    ActionResult r = command.get();
                    afterCommand();
                    f.complete(r);
                } catch (RuntimeException ex) {
                    log.error("chair {}: session command failed", spec.id(), ex);
                    f.complete(ActionResult.refused("the command failed: " + ex.getMessage()));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException ex) {
            f.complete(ActionResult.refused("the station is shutting down"));
        }
        return f;
    }

    private CompletableFuture<ActionResult> inSession(Actor actor, Command what,
            java.util.function.Function<ClinicalSession, ActionResult> command) {
        return onCore(actor, what, () -> clinical == null ? ActionResult.refused("no patient is checked in to this chair")
                : command.apply(clinical));
    }

    /** Refuses at once what {@code actor} may not do (audited); runs the rest on the core thread. */
    private CompletableFuture<ActionResult> onCore(Actor actor, Command what, java.util.function.Supplier<ActionResult> command) {
        Optional<String> no = refusal(actor, what, null);
        if (no.isPresent()) {
            return CompletableFuture.completedFuture(ActionResult.refused(no.get()));
        }
        return onCore(command);
    }

    /** The clinical session commands, each run on the core thread. */
    private final class Commands implements ClinicalCommands {

        @Override
        public CompletableFuture<ActionResult> checkIn(Patient patient, InfusionOrder order, boolean confirmAboveUsual,
                Actor actor) {
            return onCore(actor, Command.CHECK_IN, () -> {
                String user = actor.name();
                if (clinical != null) {
                    return ActionResult.refused("a session is running in this chair (" + clinical.patient().name()
                            + "): discharge it first");
                }
                Instant now = clock.instant();
                List<RecordedEvent> first = new ArrayList<>();
                boolean[] live = {false};
                ClinicalSession.CheckIn in = ClinicalSession.checkIn(patient, order, confirmAboveUsual, rules, now, user,
                        e -> {
                            if (live[0]) {
                                onSessionEvent(e);
                            } else {
                                first.add(e);
                            }
                        });
                if (!in.result().done()) {
                    return in.result();
                }
                recorder = records.startClinical(recorder, patient, order, in.session().dose(), now);
                recordIdentities(now);
                live[0] = true;
                first.forEach(ChairMonitor.this::onSessionEvent);
                clinical = in.session();
                // the last half hour's cuff readings count for the pre-dose checkpoint
                Instant since = now.minus(java.time.Duration.ofMinutes(30));
                clinical.priorCuffs(cuffs.all().stream().filter(c -> !c.time().isBefore(since)).toList());
                // the alarm engine's baseline belongs to the patient: a new patient starts without one
                if (baseline != null) {
                    engine.setBaseline(null, user, "new patient checked in");
                    baseline = null;
                    publish();
                }
                Reading h = latestHr != null ? latestHr : latestPr;
                clinical.onVitals(value(latestSpo2), h == null ? null : h.value(), value(latestRr), now);
                log.info("chair {}: patient checked in", spec.id());
                return in.result();
            });
        }

        @Override
        public CompletableFuture<ActionResult> captureBaseline(Actor actor) {
            return inSession(actor, Command.SET_BASELINE, s -> baselineFrom(s, BaselineEntry.lastTwo(cuffs.last(2), heart()),
                    value(latestSpo2), value(latestRr), actor.name()));
        }

        @Override
        public CompletableFuture<ActionResult> typeBaseline(String sys, String dia, String hr, String spo2, String rr,
                Actor actor) {
            String user = actor.name();
            return inSession(actor, Command.SET_BASELINE, s -> {
                List<String> why = new ArrayList<>();
                Double typedHr = optional("HR", hr, 20, 250, why);
                Double typedSpo2 = optional("SpO2", spo2, 50, 100, why);
                Double typedRr = optional("RR", rr, 2, 60, why);
                BaselineChange c = BaselineEntry.typed(sys, dia, typedHr != null ? typedHr : heart());
                if (!c.accepted()) {
                    why.add(0, c.reason().orElse("baseline refused"));
                }
                if (!why.isEmpty()) {
                    return ActionResult.refused(why);
                }
                return baselineFrom(s, c, typedSpo2 != null ? typedSpo2 : value(latestSpo2),
                        typedRr != null ? typedRr : value(latestRr), user);
            });
        }

        private ActionResult baselineFrom(ClinicalSession s, BaselineChange c, Double spo2, Double rr, String user) {
            if (!c.accepted()) {
                return ActionResult.refused(c.reason().orElse("baseline refused"));
            }
            Baseline b = c.baseline();
            ActionResult r = s.captureBaseline(b.sys(), b.dia(), b.hr(), spo2, rr, c.source(), clock.instant(), user);
            if (r.done()) {
                // the rise-from-baseline alarms compare against it from now on
                engine.setBaseline(b, user, c.source());
                baseline = b;
                publish();
            }
            return r;
        }

        @Override
        public CompletableFuture<ActionResult> startInfusion(Actor actor) {
            return inSession(actor, Command.START_INFUSION, s -> s.startInfusion(clock.instant(), actor.name()));
        }

        @Override
        public CompletableFuture<ActionResult> confirmStart(Actor prescriber, String note) {
            return inSession(prescriber, Command.CONFIRM_START, s -> s.confirmStart(prescriber.name(), note, clock.instant()));
        }

        @Override
        public CompletableFuture<ActionResult> pauseInfusion(Actor actor) {
            return inSession(actor, Command.PAUSE_INFUSION, s -> s.pauseInfusion(clock.instant(), actor.name()));
        }

        @Override
        public CompletableFuture<ActionResult> resumeInfusion(Actor actor) {
            return inSession(actor, Command.RESUME_INFUSION, s -> s.resumeInfusion(clock.instant(), actor.name()));
        }

        @Override
        public CompletableFuture<ActionResult> changeRate(double rateMlPerH, Actor actor) {
            return inSession(actor, Command.CHANGE_RATE, s -> s.changeRate(rateMlPerH, clock.instant(), actor.name()));
        }

        @Override
        public CompletableFuture<ActionResult> stopInfusion(Actor actor) {
            return inSession(actor, Command.STOP_INFUSION, s -> s.stopInfusion(clock.instant(), actor.name()));
        }

        @Override
        public CompletableFuture<ActionResult> event(ClinicalEventKind kind, String detail, Instant happened, Actor actor) {
            return inSession(actor, Command.CLINICAL_EVENT, s -> s.event(kind, detail, happened, clock.instant(), actor.name()));
        }

        @Override
        public CompletableFuture<ActionResult> note(String text, Instant happened, Actor actor) {
            return inSession(actor, Command.NOTE, s -> s.note(text, happened, clock.instant(), actor.name()));
        }

        @Override
        public CompletableFuture<ActionResult> score(Integer aldrete, Integer sedation, Integer dissociation,
                Instant happened, Actor actor) {
            return inSession(actor, Command.SCORE, s -> s.score(aldrete, sedation, dissociation, happened, clock.instant(), actor.name()));
        }

        @Override
        public CompletableFuture<ActionResult> correct(long seq, Map<String, String> fields, String reason, Actor actor) {
            return inSession(actor, Command.CORRECT, s -> {
                ActionResult r = s.correct(seq, fields, reason, clock.instant(), actor.name());
                if (r.done()) { // an edit of the record: who, which entry, which fields (their values stay in the session)
                    audit(actor, "session.corrected", Map.of("seq", Long.toString(seq),
                            "fields", String.join(",", new java.util.TreeSet<>(fields.keySet()))));
                }
                return r;
            });
        }

        @Override
        public CompletableFuture<ActionResult> discharge(boolean escortConfirmed, Actor actor) {
            return inSession(actor, Command.DISCHARGE, s -> s.discharge(escortConfirmed, clock.instant(), actor.name()));
        }
    }

    private static Double optional(String what, String text, double min, double max, List<String> why) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (v < min || v > max) {
                why.add(what + " " + text.trim() + " outside " + Decimals.format(min) + "-" + Decimals.format(max));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            why.add(what + " '" + text.trim() + "' is not a number");
            return null;
        }
    }

    // ---- restart after a crash ----

    /** Event key of the record that says which settings came back after a crash ({@link #restoreSettings}). */
    public static final String SETTINGS_RESTORED = "settings_restored";

    /**
     * Puts back the alarm settings a crash interrupted ({@link SettingsRestore}): thresholds (each
     * still judged by the clinic bounds, recorded as {@code limit_changed}), alarms off and on,
     * the baseline, the audio pause and the latched alarms, each recorded with the user
     * {@code "restart (session N)"}, then one {@value #SETTINGS_RESTORED} record in the alarm log
     * and the session saying what came back and what did not. Call before the devices connect.
     */
    public void restoreSettings(SettingsRestore.Plan plan) {
        CrashRestore.Prepared p = restore.prepare(plan);
        core.execute(() -> {
            String detail = restore.apply(p, edits -> applyThresholds(edits, null, p.who()), b -> baseline = b);
            Instant at = clock.instant();
            logBook.add(new AlarmLogEntry(at, SETTINGS_RESTORED, null, null, null, null, null, p.who(), null, detail));
            recorder.event(RecordedEvent.text(at, SessionEventType.SETTINGS_RESTORED, detail, p.who()));
            log.warn("chair {}: {}", spec.id(), detail);
            publish();
        });
    }
}
