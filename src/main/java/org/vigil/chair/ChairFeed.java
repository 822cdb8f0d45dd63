package org.vigil.chair;

import org.vigil.session.CuffReading;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Baseline;
import org.vigil.domain.Actor;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.Reading;
import org.vigil.session.ActionResult;

/**
 * What a chair screen reads and the commands it sends, without JavaFX. Reader threads fill a
 * bounded buffer; the UI drains it once per frame with {@link #drainReadings}. Every method is
 * non-blocking and safe to call from the FX thread; commands are handed to the station core
 * thread and take effect asynchronously.
 */
public interface ChairFeed {

    String chairId();

    String chairLabel();

    /** True when the devices are the built-in simulators, not a patient's monitors. */
    boolean simulated();

    List<DeviceInfo> devices();

    /** Moves up to {@code max} buffered readings, oldest first, into {@code sink}; returns how many. */
    int drainReadings(Consumer<Reading> sink, int max);

    /**
     * Readings of the current session so far (for charts opened mid-session), oldest first: the
     * latest as they came, older ones as the lowest and highest of each time bucket; a reading
     * without a value marks where a trend's line breaks.
     */
    List<Reading> history();

    /** The last seconds of the chair's pleth, when the chair has a device that may send one. */
    default Optional<WaveTrace> pleth() {
        return Optional.empty();
    }

    /** The latest alarm picture. */
    AlarmSnapshot alarms();

    /**
     * The alarm settings in force on this chair, so the screen can print each parameter's limits.
     * Empty when unknown; the screen then shows no limits (never guessed defaults).
     */
    default Optional<AlarmConfig> alarmConfig() {
        return Optional.empty();
    }

    /** Connection state per device id. */
    Map<String, ConnectionState> connectionStates();

    /**
     * Why each {@link ConnectionState#DISCONNECTED} device is not connected, by device id: the cause
     * in plain words with what to check ("/dev/ttyUSB0 not found: check the adapter's cable..."),
     * never a driver's message. A device without a known reason is absent.
     */
    default Map<String, String> connectionProblems() {
        return Map.of();
    }

    /**
     * What each device told about itself (model, serial, software), by device id; a device that
     * told nothing is absent.
     */
    default Map<String, DeviceIdentity> deviceIdentities() {
        return Map.of();
    }

    /** The station's clock, for "time since" displays. */
    Instant now();

    /** When the current session started. */
    Instant sessionStart();

    /** Acknowledges every active alarm on this chair; anyone may, logged in or not (at the lock screen). */
    void acknowledge(Actor actor);

    /** Pauses alarm audio on this chair for the configured time. */
    void pauseAudio(Actor actor);

    /**
     * <em>Set baseline</em>: the session baseline becomes the average of the session's last two cuff
     * readings (with the latest HR). Refused, with the reason, when fewer than two were made.
     */
    BaselineChange setBaselineFromLastCuffReadings(Actor actor);

    /** The session baseline becomes the average of two cuff readings the nurse picked from {@link #cuffReadings()}. */
    default BaselineChange setBaselineFromCuffReadings(List<CuffReading> picked, Actor actor) {
        return BaselineChange.refused("the baseline cannot be set on this chair");
    }

    /** The session baseline becomes systolic/diastolic as typed; refused with what is wrong ({@link BaselineEntry#typed}). */
    default BaselineChange setBaselineTyped(String sys, String dia, Actor actor) {
        return BaselineChange.refused("the baseline cannot be set on this chair");
    }

    /** The session's cuff measurements so far, oldest first (bounded, at least a day's worth). */
    default List<CuffReading> cuffReadings() {
        return List.of();
    }

    /** The session baseline in force, if one was set. */
    default Optional<Baseline> baseline() {
        return Optional.empty();
    }

    /**
     * This session's alarm log so far, oldest first: every alarm event, the silencing and state
     * records (audio paused / pause ended, alarm off / on, baseline set) and every limit change.
     * Kept in memory up to a bound (the oldest entries leave first); the session database keeps all.
     */
    default List<AlarmLogEntry> alarmLog() {
        return List.of();
    }

    /**
     * Asks to change one alarm's threshold on this chair, as {@code actor}. Answers at once: refused
     * with the reason (a role that may not change limits, unknown alarm id, not a number, physiologically impossible, outside the
     * clinic bounds, out of order with the alarm's other tiers), or accepted. An accepted change is
     * in force within milliseconds, is re-evaluated against the present values and is recorded in
     * the session ({@code limit_changed}, with the user, the old and the new threshold).
     */
    default LimitChange changeLimit(String alarmId, double newThreshold, Actor actor) {
        return LimitChange.refused(alarmId, newThreshold, null, "limits cannot be changed on this chair");
    }

    /**
     * The thresholds this chair accepts for {@code alarmId} (the clinic bounds), to show next to
     * it; empty when unknown or not limited by a range.
     */
    default Optional<ThresholdRange> thresholdRange(String alarmId) {
        return Optional.empty();
    }

    /**
     * Switches one alarm off or on, as {@code actor}. Admin only: the chair refuses anyone else
     * (the screen only hides the switch) and records it ({@code alarm_off} / {@code alarm_on}). An
     * unknown id is logged and ignored.
     */
    default ActionResult setAlarmEnabled(String alarmId, boolean on, Actor actor) {
        return ActionResult.refused("alarms cannot be switched off on this chair");
    }

    // ---- the clinical session ----

    /** The clinical session in this chair now, or empty when the chair is free. */
    default Optional<org.vigil.session.SessionView> clinicalSession() {
        return Optional.empty();
    }

    /** The commands for the clinical session. */
    default ClinicalCommands clinical() {
        return ClinicalCommands.UNAVAILABLE;
    }
}
