package org.vigil.sim.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The clinic's rules the parser asks about the session part of a scenario, so that an order
 * outside the clinic's ranges, an unknown event kind or a score off its scale is refused with its
 * line before anything runs. The station fills it from its session core (one implementation of
 * the rules); the simulators know none of them.
 */
public interface SessionChecks {

    /** Every reason the clinic refuses this order (empty: acceptable). */
    List<String> orderProblems(ClinicalSpec order);

    /** Why a clinical event of {@code kind} with {@code detail} (may be null) is refused, or empty. */
    Optional<String> eventProblem(String kind, String detail);

    /** Why {@code value} is refused for {@code score} ({@code aldrete}, {@code sedation}, {@code dissociation}), or empty. */
    Optional<String> scoreProblem(String score, long value);

    /** Checks only the format; the session core decides when the scenario runs (the simulators' own tests). */
    SessionChecks FORMAT_ONLY = new SessionChecks() {
        @Override
        public List<String> orderProblems(ClinicalSpec order) {
            return List.of();
        }

        @Override
        public Optional<String> eventProblem(String kind, String detail) {
            return Optional.empty();
        }

        @Override
        public Optional<String> scoreProblem(String score, long value) {
            return Optional.empty();
        }
    };
}
