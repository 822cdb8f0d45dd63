package org.vigil.chair;

import org.vigil.domain.Actor;

/**
 * The station-wide admin functions a chair screen reaches: saving a chair's limits (thresholds and
 * latching) as the clinic defaults. The station refuses anyone but an admin
 * ({@link org.vigil.access.Authorizer}); the screen only hides what a role cannot use. Every
 * change is recorded in each chair's session with who made it, and in the audit trail.
 */
public interface StationAdmin {

    /** No clinic defaults on this station (tests, tools): every save is refused. */
    StationAdmin DISABLED = (chairId, actor) -> new ClinicDefaultsResult(false, "clinic defaults cannot be saved here");

    /**
     * Saves the thresholds now in force on chair {@code chairId} as the clinic defaults (written to
     * the clinic limits file, used at every start) and applies them to every chair at once; each
     * chair's session records the change. Refused for anyone but an admin. Never throws; a failure
     * is in the result.
     */
    ClinicDefaultsResult saveClinicDefaults(String chairId, Actor actor);

    /**
     * What the clinic's interface engine refused (AE/AR), each with the engine's own words, for an
     * admin to act on; empty when nothing was refused or no engine is configured.
     */
    default java.util.List<String> interfaceEngineNotices() {
        return java.util.List.of();
    }

    /** The device setup (ports, detect, assign to a chair); unavailable by default. */
    default DeviceSetup deviceSetup() {
        return DeviceSetup.UNAVAILABLE;
    }
}
