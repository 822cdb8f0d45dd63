package org.vigil.app;

import org.vigil.domain.Actor;
import org.vigil.domain.Role;

/**
 * Who acts in the headless commands (scenario, bench): nobody logs in there and nothing prompts.
 * A scenario's nurse and prescriber act with their roles, so the station's authorizer judges a
 * scenario's steps as it judges the screens'; their names are the ones the scenario files and
 * golden logs have always used.
 */
final class HeadlessActors {

    /** The nurse of a scenario or a benchmark. */
    static final Actor NURSE = new Actor("headless:nurse", ScenarioRunner.NURSE, Role.NURSE, null, "system");

    private HeadlessActors() {
    }

    /** The prescriber named in a scenario's order. */
    static Actor prescriber(String name) {
        return new Actor("headless:prescriber", name == null || name.isBlank() ? "prescriber" : name.strip(),
                Role.PRESCRIBER, null, "system");
    }
}
