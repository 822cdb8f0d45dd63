package org.vigil.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vigil.domain.RecordedEvent;

/**
 * An immutable snapshot of a clinical session for the screens (any thread). Times are null when
 * not reached yet.
 *
 * @param readiness every unmet discharge criterion (empty: ready, or not applicable once discharged)
 */
public record SessionView(Patient patient, InfusionOrder order, DoseCalculation dose, Phase phase, Instant phaseSince,
        Instant checkedInAt, SessionBaseline baseline, boolean gateClosed, String startConfirmedBy, Instant infusionStart,
        Instant infusionStop, boolean paused, double rateMlPerH, Instant nextCuffDue, Instant nextScoreDue,
        Map<String, Integer> scores, List<RecordedEvent> checkpoints, List<RecordedEvent> events,
        List<String> readiness, Instant dischargedAt) {

    /** How long the current phase has run at {@code now}. */
    public Duration inPhase(Instant now) {
        return phaseSince == null ? Duration.ZERO : Duration.between(phaseSince, now);
    }

    /** Minutes since the infusion started at {@code now}, or empty before. */
    public java.util.OptionalLong minutesSinceStart(Instant now) {
        return infusionStart == null ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(Duration.between(infusionStart, now).toMinutes());
    }
}
