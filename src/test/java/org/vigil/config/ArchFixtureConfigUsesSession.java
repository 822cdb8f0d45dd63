package org.vigil.config;

import org.vigil.chair.ChairSpec;

/** Not used by any test but {@code ArchitectureRulesBiteTest}: an arrow the layers refuse. */
final class ArchFixtureConfigUsesSession {
    ChairSpec chair;
}
