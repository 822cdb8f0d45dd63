package org.vigil.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.chair.ClinicDefaultsResult;
import org.vigil.chair.StationAdmin;
import org.vigil.domain.Actor;

/** A station admin that records the saves asked. */
class FakeStationAdmin implements StationAdmin {

    /** The quick PIN of the admin account of {@link FakeSignIn}. */
    static final String PIN = FakeSignIn.ADMIN_PIN;

    final List<String> saves = new CopyOnWriteArrayList<>();
    volatile ClinicDefaultsResult answer = new ClinicDefaultsResult(true, "Saved as clinic defaults");

    @Override
    public ClinicDefaultsResult saveClinicDefaults(String chairId, Actor actor) {
        saves.add(chairId + " by " + actor.name());
        return answer;
    }
}
