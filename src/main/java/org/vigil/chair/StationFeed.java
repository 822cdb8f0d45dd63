package org.vigil.chair;

import java.time.Instant;
import org.vigil.alarm.AlarmSnapshot;

/**
 * What the station strip reads and the command it sends, without JavaFX: the station-wide
 * technical alarms (alarm audio unavailable, recording unavailable), shown once above the
 * chairs and acknowledged once. Non-blocking and safe to call from the FX thread.
 */
public interface StationFeed {

    /** A station without station-wide alarms (screens shown without a station, tests). */
    StationFeed NONE = new StationFeed() {
        @Override
        public AlarmSnapshot alarms() {
            return AlarmSnapshot.empty(Instant.EPOCH);
        }

        @Override
        public void acknowledge(org.vigil.domain.Actor actor) {
            // nothing to acknowledge
        }
    };

    /** The station-wide alarms now (never a chair's). */
    AlarmSnapshot alarms();

    /** Acknowledges every station-wide alarm, once for the whole station. */
    void acknowledge(org.vigil.domain.Actor actor);
}
