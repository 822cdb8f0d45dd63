package org.vigil.config;

import org.vigil.session.ChairSpec;

/** Not used by any test but {@code ArchitectureRulesBiteTest}: an arrow the layers refuse. */
final class ArchFixtureConfigUsesSession {
    ChairSpec chair;
}
