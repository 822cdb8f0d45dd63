package org.vigil.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.chair.ClinicDefaultsResult;
import org.vigil.chair.StationAdmin;

/** A station admin with PIN {@value #PIN} that records the saves asked. */
final class FakeStationAdmin implements StationAdmin {

    static final String PIN = "4321";

    final List<String> saves = new CopyOnWriteArrayList<>();
    volatile ClinicDefaultsResult answer = new ClinicDefaultsResult(true, "Saved as clinic defaults");

    @Override
    public boolean pinConfigured() {
        return true;
    }

    @Override
    public boolean pinMatches(String pin) {
        return PIN.equals(pin);
    }

    @Override
    public ClinicDefaultsResult saveClinicDefaults(String chairId, String user) {
        saves.add(chairId + " by " + user);
        return answer;
    }
}
