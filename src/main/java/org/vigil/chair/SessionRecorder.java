package org.vigil.chair;

import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.WaveChunk;

import java.time.Instant;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Reading;

/**
 * Where a chair's session is recorded (the storage layer implements it; tests use a list).
 * Every method must return at once: implementations queue and write on their own thread.
 */
public interface SessionRecorder {

    void reading(Reading reading);

    void alarm(AlarmEvent event);

    /** A typed session event: silencing state, nurse action, limit change, baseline, clinical session. */
    void event(RecordedEvent event);

    /**
     * One frame's waveform samples (a pleth), called on the core thread; an implementation only
     * queues them for its writer. Default: not recorded.
     */
    default void wave(WaveChunk chunk) {
    }

    /**
     * A device's identity in force from {@code change.since()} (a device told who it is, or a new
     * record starts with the identities in force), called on the core thread before the readings
     * it applies to; an implementation only queues it. Default: not recorded.
     */
    default void identity(DeviceIdentityChange change) {
    }

    /** Records nothing; for runs without a database. */
    SessionRecorder NONE = new SessionRecorder() {
        @Override
        public void reading(Reading reading) {
        }

        @Override
        public void alarm(AlarmEvent event) {
        }

        @Override
        public void event(RecordedEvent event) {
        }
    };
}
