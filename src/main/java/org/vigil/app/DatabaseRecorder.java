package org.vigil.app;

import org.vigil.domain.RecordedEvent;
import org.vigil.domain.WaveChunk;

import java.time.Instant;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Reading;
import org.vigil.chair.SessionRecorder;
import org.vigil.storage.RecordingWriter;
import org.vigil.storage.SessionEvent;

/** Records one chair's session through the batching writer (non-blocking). */
final class DatabaseRecorder implements SessionRecorder {

    private final RecordingWriter writer;
    private final long sessionId;
    private final WaveformBatcher waves;

    DatabaseRecorder(RecordingWriter writer, long sessionId) {
        this.writer = writer;
        this.sessionId = sessionId;
        this.waves = new WaveformBatcher(chunk -> writer.append(sessionId, chunk));
    }

    /** Pleth frames gathered into rows of about a second, queued for the writer thread. */
    @Override
    public void wave(WaveChunk chunk) {
        waves.add(chunk);
    }

    /** Queues the pleth gathered but not yet a full row (the record ends). */
    void flushWaves() {
        waves.flushAll();
    }

    @Override
    public void reading(Reading reading) {
        writer.append(sessionId, reading);
    }

    @Override
    public void identity(org.vigil.domain.DeviceIdentityChange change) {
        writer.append(sessionId, change);
    }

    @Override
    public void alarm(AlarmEvent event) {
        writer.append(sessionId, event);
    }

    @Override
    public void event(RecordedEvent event) {
        writer.append(sessionId, SessionEvent.from(event));
    }

    long sessionId() {
        return sessionId;
    }

}
