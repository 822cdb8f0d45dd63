package org.vigil.app;

import java.util.List;
import java.util.Optional;
import org.vigil.session.ClinicalEventKind;
import org.vigil.session.ClinicalSession;
import org.vigil.session.DoseCalculation;
import org.vigil.session.InfusionOrder;
import org.vigil.session.SessionRules;
import org.vigil.sim.scenario.ClinicalSpec;
import org.vigil.sim.scenario.SessionChecks;

/**
 * The session core's rules as the scenario parser asks for them, so a scenario file is refused
 * for what the station would refuse (an order outside the clinic's ranges, an unknown event kind,
 * a score off its scale) before anything runs. Nothing here decides: it asks the core.
 */
final class ClinicScenarioChecks implements SessionChecks {

    private final SessionRules rules;

    ClinicScenarioChecks(SessionRules rules) {
        this.rules = rules;
    }

    @Override
    public List<String> orderProblems(ClinicalSpec o) {
        return DoseCalculation.of(new InfusionOrder(o.weightKg(), o.doseMgPerKg(), o.concentrationMgPerMl(),
                o.durationMin(), o.prescriber()), rules).refusals();
    }

    @Override
    public Optional<String> eventProblem(String kind, String detail) {
        ClinicalEventKind k;
        try {
            k = ClinicalEventKind.fromKey(kind);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (k.needsDetail() && (detail == null || detail.isBlank())) {
            return Optional.of("event " + k.key() + " needs a detail ("
                    + (k == ClinicalEventKind.ANTIEMETIC ? "which antiemetic and the dose" : "what happened")
                    + ", e.g. detail: \"" + (k == ClinicalEventKind.ANTIEMETIC ? "ondansetron 4 mg IV" : "dizzy") + "\")");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> scoreProblem(String score, long value) {
        ClinicalSession.Score s = ClinicalSession.Score.fromKey(score);
        if (s == null) {
            return Optional.of("unknown score '" + score + "'");
        }
        if (value < s.min() || value > s.max()) {
            return Optional.of(score + " " + value + " outside " + s.min() + "-" + s.max());
        }
        return Optional.empty();
    }
}
