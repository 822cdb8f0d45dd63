package org.vigil.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vigil.session.DoseCalculation;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.Phase;
import org.vigil.session.SessionBaseline;

/**
 * Everything about one recorded session but its rows: who, what was ordered and its arithmetic,
 * when each phase held, the baseline, the devices, start and end, the software that recorded it.
 *
 * @param patient        null for a chair's record between patients
 * @param order          null without a patient
 * @param dose           the stored arithmetic (total mg, volume, pump rate); null without a patient
 * @param phases         in order; empty without a patient
 * @param checkedInAt    null without a patient
 * @param infusionStart  null when the infusion never started
 * @param infusionStop   null when it never stopped
 * @param dischargedAt   null when not discharged
 * @param baseline       the session baseline (the nurse's, else the engine's), null when none was taken
 * @param end            null while the session runs
 * @param endReason      {@code closed} or {@code ended_abnormally}; null while it runs
 */
public record SessionHeader(long id, String chairId, Patient patient, InfusionOrder order, DoseCalculation dose,
        Phase phaseReached, List<PhaseSpan> phases, Instant checkedInAt, Instant infusionStart, Instant infusionStop,
        Instant dischargedAt, SessionBaseline baseline, List<RecordedDevice> devices, Instant start, Instant end,
        String endReason, String softwareVersion, boolean simulated) {

    public SessionHeader {
        phases = List.copyOf(phases);
        devices = List.copyOf(devices);
    }

    /** The phase at {@code t}, if the session had phases then. */
    public Optional<Phase> phaseAt(Instant t) {
        return phases.stream().filter(p -> p.contains(t)).map(PhaseSpan::phase).findFirst();
    }

    /** Minutes (fractional) since the infusion started at {@code t}; empty when it never started. */
    public Optional<Double> minutesSinceInfusionStart(Instant t) {
        return infusionStart == null ? Optional.empty()
                : Optional.of(Duration.between(infusionStart, t).toMillis() / 60_000.0);
    }

    /** The time a review is drawn against: the infusion start, else the session start. */
    public Instant reference() {
        return infusionStart != null ? infusionStart : start;
    }

    /** The end of the recording: the end, or {@code now} while it runs. */
    public Instant endOr(Instant now) {
        return end == null ? now : end;
    }
}
