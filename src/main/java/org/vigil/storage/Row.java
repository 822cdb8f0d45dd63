package org.vigil.storage;

import java.time.Instant;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Reading;

/** One row waiting in a {@link RecordingWriter}'s queue, tagged with its session. */
sealed interface Row permits Row.ReadingRow, Row.AlarmRow, Row.EventRow, Row.WaveRow, Row.IdentityRow, Row.EndRow {

    long sessionId();

    Instant time();

    record ReadingRow(long sessionId, Reading reading) implements Row {
        @Override
        public Instant time() {
            return reading.time();
        }
    }

    record AlarmRow(long sessionId, AlarmEvent event) implements Row {
        @Override
        public Instant time() {
            return event.time();
        }
    }

    record EventRow(long sessionId, SessionEvent event) implements Row {
        @Override
        public Instant time() {
            return event.time();
        }
    }

    record WaveRow(long sessionId, WaveformChunk chunk) implements Row {
        @Override
        public Instant time() {
            return chunk.start();
        }
    }

    /** A device's identity in force from its time. */
    record IdentityRow(long sessionId, org.vigil.domain.DeviceIdentityChange change) implements Row {
        @Override
        public Instant time() {
            return change.since();
        }
    }

    /** Ends a session's record once every row queued before it is written (a discharge). */
    record EndRow(long sessionId, Instant time, EndReason reason) implements Row {
    }
}
