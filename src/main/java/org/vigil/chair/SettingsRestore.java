package org.vigil.chair;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vigil.alarm.AlarmSettingsState;
import org.vigil.domain.Durations;

/**
 * The rules for putting a chair's alarm settings back when the station restarts (disclosed in
 * {@code docs/ALARMS.md}, "Restart after a crash or power loss"):
 *
 * <ul>
 *   <li>Only after a crash or power loss: the chair's previous session has no recorded end (it is
 *       recovered as ended abnormally). After a normal close the chair starts with the clinic's
 *       settings.</li>
 *   <li>Thresholds, alarms switched off and on, and the baseline come back after any such restart
 *       (they belong to the patient, and stay until a normal close); thresholds still within the
 *       clinic bounds only.</li>
 *   <li>Latched alarms not acknowledged come back unacknowledged after any such restart: nobody has
 *       seen them yet.</li>
 *   <li>The audio pause comes back, until its original end, only when the station was off for no
 *       longer than the restore window (default 30 s, IEC 60601-1-8 §6.7); after a longer loss the
 *       alarms sound.</li>
 * </ul>
 *
 * <p>The loss is counted from the last thing the previous session recorded (readings come every
 * second) to the restart.
 */
public final class SettingsRestore {

    /** The IEC 60601-1-8 §6.7 loss of power after which the settings in force must come back. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);

    /**
     * What to put back.
     *
     * @param fromSession the session the settings were saved in
     * @param offFor      how long the station was off (last record of that session to now)
     * @param state       the settings to put back (the audio pause dropped when it must not come back)
     * @param notRestored what was saved but is not put back, and why, in words
     */
    public record Plan(long fromSession, Duration offFor, AlarmSettingsState state, List<String> notRestored) {

        public Plan {
            Objects.requireNonNull(state, "state");
            notRestored = List.copyOf(notRestored);
        }
    }

    private SettingsRestore() {
    }

    /**
     * @param saved            the settings the chair saved
     * @param fromSession      the session that saved them
     * @param endedAbnormally  that session has no recorded end (crash or power loss)
     * @param lastRecorded     the last time that session recorded anything
     * @param now              the restart
     * @param window           the longest loss after which the audio pause comes back
     * @return empty when nothing is to be restored (the previous session was closed normally)
     */
    public static Optional<Plan> plan(AlarmSettingsState saved, long fromSession, boolean endedAbnormally,
            Instant lastRecorded, Instant now, Duration window) {
        if (!endedAbnormally) {
            return Optional.empty();
        }
        Duration off = Duration.between(lastRecorded, now);
        if (off.isNegative()) {
            off = Duration.ZERO;
        }
        List<String> not = new ArrayList<>();
        Instant pause = saved.audioPausedUntil();
        if (pause != null) {
            if (off.compareTo(window) > 0) {
                not.add("audio pause (station off " + Durations.format(off) + ", longer than " + Durations.format(window) + ")");
                pause = null;
            } else if (!now.isBefore(pause)) {
                not.add("audio pause (it ended while the station was off)");
                pause = null;
            }
        }
        AlarmSettingsState state = new AlarmSettingsState(saved.thresholds(), saved.off(), saved.baseline(), pause,
                saved.latched());
        return Optional.of(new Plan(fromSession, off, state, not));
    }
}
