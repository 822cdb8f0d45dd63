package org.vigil.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.domain.Reading;

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

    /** Readings of the current session so far (for charts opened mid-session), oldest first. */
    List<Reading> history();

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

    /** The station's clock, for "time since" displays. */
    Instant now();

    /** When the current session started. */
    Instant sessionStart();

    /** Acknowledges every active alarm on this chair. */
    void acknowledge(String user);

    /** Pauses alarm audio on this chair for the configured time. */
    void pauseAudio(String user);

    /** Sets the session baseline from the average of the last two cuff readings; false if fewer than two. */
    boolean setBaselineFromLastCuffReadings(String user);
}
