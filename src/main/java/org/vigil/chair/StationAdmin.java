package org.vigil.chair;

/**
 * The station-wide admin functions a chair screen reaches: checking the admin PIN and saving a
 * chair's limits as the clinic defaults. The screen enforces the admin role (PIN, automatic
 * logoff); the station records every change in each chair's session with the user.
 */
public interface StationAdmin {

    /** No admin PIN configured: every admin action is refused. */
    StationAdmin DISABLED = new StationAdmin() {
        @Override
        public boolean pinConfigured() {
            return false;
        }

        @Override
        public boolean pinMatches(String pin) {
            return false;
        }

        @Override
        public ClinicDefaultsResult saveClinicDefaults(String chairId, String user) {
            return new ClinicDefaultsResult(false, "no admin PIN is configured");
        }
    };

    /** True when an admin PIN is configured ({@code station.admin_pin}); without one admin mode cannot be entered. */
    boolean pinConfigured();

    /** True when {@code pin} is the configured admin PIN. */
    boolean pinMatches(String pin);

    /**
     * Saves the thresholds now in force on chair {@code chairId} as the clinic defaults (written to
     * the clinic limits file, used at every start) and applies them to every chair at once; each
     * chair's session records the change. Never throws; a failure is in the result.
     */
    ClinicDefaultsResult saveClinicDefaults(String chairId, String user);

    /** The device setup (ports, detect, assign to a chair); unavailable by default. */
    default DeviceSetup deviceSetup() {
        return DeviceSetup.UNAVAILABLE;
    }
}
