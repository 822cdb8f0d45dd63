package org.vigil.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The alarm settings in force at one chair, as saved for a restart after a crash or power loss
 * (see {@code docs/ALARMS.md}, "Restart after a crash or power loss"): every threshold rule's
 * threshold, the alarms switched off, the baseline, the audio pause and the latched alarms still
 * waiting for an acknowledgement.
 *
 * @param thresholds        threshold of each rule, by alarm id
 * @param off               ids of the alarms switched off (rules and technical alarms)
 * @param baseline          the session baseline; null when none was set
 * @param audioPausedUntil  when the audio pause in force expires; null when audio is not paused
 * @param latched           latched alarms on screen and not acknowledged, in id order
 */
public record AlarmSettingsState(Map<String, Double> thresholds, Set<String> off, Baseline baseline,
        Instant audioPausedUntil, List<Latched> latched) {

    public AlarmSettingsState {
        thresholds = Map.copyOf(thresholds);
        off = Set.copyOf(off);
        latched = List.copyOf(latched);
    }

    /**
     * A latched alarm on screen, not acknowledged: as it must come back.
     *
     * @param pauseSilenced its audio was silenced by the audio pause in force
     */
    public record Latched(String id, Priority priority, AlarmKind kind, String parameter, Double value, Double limit,
            String message, Instant raisedAt, boolean escalated, boolean pauseSilenced) {

        public Latched {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(raisedAt, "raisedAt");
        }
    }
}
