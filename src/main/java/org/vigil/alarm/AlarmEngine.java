package org.vigil.alarm;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Optional;
import org.vigil.domain.Decimals;
import org.vigil.domain.Plausibility;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;

/**
 * The station's alarm system for one chair: turns readings and device link events into IEC 60601-1-8 alarm conditions and alarms, with condition delays, latching,
 * acknowledgement, audio pause, alarm off and escalation (all disclosed in {@code docs/ALARMS.md}).
 *
 * <p>Not thread-safe: one thread (the station core, or the scenario runner on simulated time)
 * calls every method. Every event time comes from the injected clock. {@link #tick()} must be
 * called often (every 100-250 ms, or at every simulated step) to raise conditions whose delay
 * elapsed between readings, detect silent devices and expire the audio pause.
 *
 * <p>Alarm events go to the {@link AlarmListener} in time order, as they happen; events produced by
 * one {@link #tick()} are ordered by alarm id. Silencing and state records (audio pause, alarm
 * off/on, configuration and baseline changes) go to the {@link SilencingListener}.
 */
public final class AlarmEngine {

    /** The source name of station-wide alarms ({@code station.recording_failed}, see {@link StationAlarms}). */
    public static final String STATION = "station";
    /** Silence timeout assumed for readings of a device that was never added. */
    static final Duration DEFAULT_SILENCE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(AlarmEngine.class);

    private final InstantSource clock;
    private final SilencingListener silencing;
    private final AlarmBoard board;
    private final VitalEvaluator vitals;
    private final DeviceMonitor devices;
    private final Set<String> unknownDevices = new HashSet<>();
    /** "device/vital" pairs whose latest reading was implausible (a data-invalid episode is open). */
    private final Set<String> invalidEpisodes = new HashSet<>();
    private AlarmConfig config;

    public AlarmEngine(AlarmConfig config, InstantSource clock, AlarmListener listener, SilencingListener silencing) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.silencing = Objects.requireNonNull(silencing, "silencing");
        this.board = new AlarmBoard(Objects.requireNonNull(listener, "listener"), config.escalateMediumAfter());
        this.vitals = new VitalEvaluator(board);
        this.devices = new DeviceMonitor(board, config, this::deviceLost);
        vitals.configure(config, clock.instant());
    }

    /** Registers a device; it counts as heard now (no data is raised one silence timeout from now). */
    public void addDevice(DeviceAlarmProfile profile) {
        devices.add(profile, clock.instant());
        board.changed();
    }

    /** Evaluates one reading (already marked by the {@link ArtifactMarker}). */
    public void onReading(Reading r) {
        Instant now = clock.instant();
        Duration timeout;
        if (devices.onReading(r, now)) {
            timeout = devices.profile(r.deviceId()).silenceTimeout();
        } else {
            if (unknownDevices.add(r.deviceId())) {
                log.warn("reading from device {} that was never added; technical alarms are off for it", r.deviceId());
            }
            timeout = DEFAULT_SILENCE_TIMEOUT;
        }
        recordValidity(r, now);
        vitals.onReading(r, now, timeout);
    }

    /**
     * A complete message came from the device but carried no reading the chair uses (for
     * example only repeats of the last NIBP result): its no data alarm ends and silence counts
     * from now, as for a reading.
     */
    public void onDeviceHeard(String deviceId) {
        devices.heard(deviceId, clock.instant());
    }

    /** The device's port is open (again): its disconnected alarm ends; no data counts from now. */
    public void onDeviceConnected(String deviceId) {
        devices.connected(deviceId, clock.instant());
    }

    /** The device's port went away: raises {@code <deviceId>.disconnected}; its continuous vitals become unknown. */
    public void onDeviceDisconnected(String deviceId, String reason) {
        // DeviceConnection logs each change of a device's state; this comes once per retry
        log.debug("device {} disconnected: {}", deviceId, reason);
        devices.disconnected(deviceId, reason, clock.instant());
    }

    /** Time-driven work: expired audio pause, silent devices, elapsed delays, overdue NIBP, escalation. */
    public void tick() {
        Instant now = clock.instant();
        board.beginTick();
        try {
            Instant until = board.pausedUntil();
            if (until != null && !now.isBefore(until)) {
                board.endPause();
                silencing.onSilencingEvent(new SilencingEvent(now, SilencingEventType.AUDIO_PAUSE_ENDED, null, null, null,
                        "expired"));
            }
            devices.tick(now);
            vitals.tick(now);
            board.escalate(now);
        } finally {
            board.flushTick();
        }
    }

    /** Acknowledges every alarm on screen: its audio stops; latched alarms whose condition ended are cleared. */
    public void acknowledge(String user) {
        board.acknowledgeAll(user, clock.instant());
    }

    /** Silences the audio of every alarm on screen now, for the configured audio pause. */
    public void pauseAudio(String user) {
        Instant now = clock.instant();
        Instant until = now.plus(config.audioPause());
        board.pause(until);
        silencing.onSilencingEvent(new SilencingEvent(now, SilencingEventType.AUDIO_PAUSED, null, until, user, null));
    }

    /** Ends the audio pause early; alarms still on screen and unacknowledged sound again. */
    public void cancelAudioPause(String user) {
        if (board.pausedUntil() == null) {
            return;
        }
        board.endPause();
        silencing.onSilencingEvent(new SilencingEvent(clock.instant(), SilencingEventType.AUDIO_PAUSE_ENDED, null, null,
                user, "cancelled"));
    }

    /** Sets (or with null clears) the session baseline; rise-from-baseline rules are re-evaluated. */
    public void setBaseline(Baseline b) {
        setBaseline(b, null);
    }

    /** As {@link #setBaseline(Baseline)}, recording who set it. */
    public void setBaseline(Baseline b, String user) {
        setBaseline(b, user, null);
    }

    /**
     * As {@link #setBaseline(Baseline, String)}, recording how it was set as well ({@code source},
     * e.g. {@code "typed"} or {@code "from the last 2 cuff readings 122/76 and 126/80"}; may be null).
     */
    public void setBaseline(Baseline b, String user, String source) {
        Instant now = clock.instant();
        String detail = b == null ? "cleared" : b.describe();
        silencing.onSilencingEvent(new SilencingEvent(now, SilencingEventType.BASELINE_SET, null, null, user,
                source == null ? detail : detail + ", " + source));
        vitals.setBaseline(b, now);
        board.changed();
    }

    public Baseline baseline() {
        return vitals.baseline();
    }

    /**
     * Switches one alarm off or on (admin). An alarm switched off never raises and leaves the
     * screen at once; switched on, a condition still present raises again.
     *
     * @throws IllegalArgumentException for an id that is no rule, device or station alarm
     */
    public void setAlarmEnabled(String alarmId, boolean on, String user) {
        Instant now = clock.instant();
        Condition c = vitals.condition(alarmId);
        if (c == null) {
            c = devices.condition(alarmId);
        }
        if (c == null) {
            throw new IllegalArgumentException("unknown alarm id " + alarmId);
        }
        if (c.rule != null && c.rule.enabled() != on) {
            c.rule = c.rule.withEnabled(on);
            config = config.withRule(c.rule);
        }
        if (c.enabled == on) {
            return;
        }
        silencing.onSilencingEvent(new SilencingEvent(now, on ? SilencingEventType.ALARM_ON : SilencingEventType.ALARM_OFF,
                alarmId, null, user, null));
        if (on) {
            board.enable(c);
            if (c.rule != null) {
                vitals.raiseIfDue(c, now);
            } else {
                board.raiseIfDue(c, now);
            }
        } else {
            board.disable(c, now);
        }
    }

    /** Puts a new configuration in force at once; present conditions are re-evaluated against it. */
    public void updateConfig(AlarmConfig c, String user) {
        Instant now = clock.instant();
        silencing.onSilencingEvent(new SilencingEvent(now, SilencingEventType.CONFIG_CHANGED, null, null, user, null));
        config = Objects.requireNonNull(c, "config");
        board.setEscalateMediumAfter(c.escalateMediumAfter());
        devices.configure(c);
        vitals.configure(c, now);
        board.changed();
    }

    /** The configuration in force (including rules switched off with {@link #setAlarmEnabled}). */
    public AlarmConfig config() {
        return config;
    }

    /** The alarm picture now. */
    public AlarmSnapshot snapshot() {
        Set<String> disabled = new HashSet<>();
        vitals.collectDisabled(disabled);
        devices.collectDisabled(disabled);
        return board.snapshot(clock.instant(), disabled);
    }

    /** Increases on every change of what {@link #snapshot()} shows, so callers can republish only on change. */
    public long version() {
        return board.version();
    }

    /** The settings in force, as saved for a restart after a crash (thresholds, alarms off, baseline, pause, latched alarms). */
    public AlarmSettingsState settingsState() {
        java.util.Map<String, Double> thresholds = new java.util.LinkedHashMap<>();
        for (LimitRule r : config.rules()) {
            thresholds.put(r.id(), r.threshold());
        }
        Set<String> off = new java.util.TreeSet<>();
        vitals.collectDisabled(off);
        devices.collectDisabled(off);
        return new AlarmSettingsState(thresholds, off, vitals.baseline(), board.pausedUntil(), board.latchedUnacknowledged());
    }

    /**
     * Puts back an audio pause saved before a crash, until {@code until} (its original end): alarms
     * on screen now are silenced, as by {@link #pauseAudio}. Recorded as {@code audio_paused} with
     * {@code detail}. Nothing happens when {@code until} has passed.
     */
    public void restoreAudioPause(Instant until, String detail) {
        Instant now = clock.instant();
        if (!now.isBefore(until)) {
            return;
        }
        board.pause(until);
        silencing.onSilencingEvent(new SilencingEvent(now, SilencingEventType.AUDIO_PAUSED, null, until, null, detail));
    }

    /**
     * Puts a latched alarm saved before a crash back on screen, unacknowledged, with its raising
     * value, limit and time, whether or not its condition is present now (the fresh data decides
     * that; when it is, the alarm simply continues). A {@code raised} event is logged with
     * {@code note} appended to its message. Returns false, restoring nothing, when this chair has
     * no such alarm or it is switched off.
     */
    public boolean restoreLatched(AlarmSettingsState.Latched a, String note) {
        Condition c = vitals.condition(a.id());
        if (c == null) {
            c = devices.condition(a.id());
        }
        if (c == null || !c.enabled) {
            return false;
        }
        board.restoreLatched(c, a, clock.instant(), note);
        return true;
    }

    /** Opens or closes a data-invalid episode of the reading's device and vital, and records it. */
    private void recordValidity(Reading r, Instant now) {
        boolean implausible = r.flags().contains(ReadingFlag.IMPLAUSIBLE);
        if (!implausible && (invalidEpisodes.isEmpty() || !r.isValid())) {
            // the usual case costs nothing; absent or device-flagged values: other alarms speak for them
            return;
        }
        String key = r.deviceId() + '/' + r.vital().key();
        if (implausible && invalidEpisodes.add(key)) {
            String reason = Plausibility.check(r.vital(), r.value())
                    .or(() -> r.vital().isNibp() ? Optional.of("NIBP result inconsistent") : Optional.empty())
                    .orElse("implausible");
            silencing.onSilencingEvent(new SilencingEvent(now, SilencingEventType.DATA_INVALID, r.vital().key(), null, null,
                    "from " + r.deviceId() + ": " + reason + "; " + r.vital().key() + " alarms not evaluated"));
        } else if (!implausible && invalidEpisodes.remove(key)) {
            silencing.onSilencingEvent(new SilencingEvent(now, SilencingEventType.DATA_VALID, r.vital().key(), null, null,
                    "from " + r.deviceId() + ": " + r.vital().label() + " " + Decimals.format(r.value())));
        }
    }

    private void deviceLost(String deviceId, String why, Instant now) {
        vitals.deviceLost(deviceId, why, now);
    }
}
