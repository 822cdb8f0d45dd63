package org.vigil.config;

import java.util.Objects;

/** The configuration the station will run with and where it came from. */
public record ResolvedConfig(StationConfig config, ConfigOrigin origin) {

    public ResolvedConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * One line for the start-up log, e.g. {@code configuration /etc/x/station.yaml (given on the command line)}
     * or {@code configuration: built-in simulated station (no station.yaml found)}.
     */
    public String describe() {
        if (origin == ConfigOrigin.BUILT_IN) {
            return "configuration: built-in simulated station (no station.yaml found)";
        }
        return "configuration: " + config.source() + " (" + origin.text() + ")";
    }
}
