package org.vigil.config;

import org.vigil.storage.VigilDatabase;

/** Not used by any test but {@code ArchitectureRulesBiteTest}: an arrow the layers refuse. */
final class ArchFixtureConfigUsesStorage {
    VigilDatabase database;
}
