package org.vigil.testsupport;

import java.time.Instant;
import org.vigil.domain.RecordedEvent;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Reading;
import org.vigil.chair.SessionRecorder;

/** A session recorder for tests that look only at the session events (baseline, limits, station alarms). */
public final class EventsOnly implements SessionRecorder {

    /** Receives each session event. */
    @FunctionalInterface
    public interface Sink {
        void event(Instant time, String type, String detail, String user);
    }

    private final Sink sink;

    public EventsOnly(Sink sink) {
        this.sink = sink;
    }

    @Override
    public void reading(Reading reading) {
    }

    @Override
    public void alarm(AlarmEvent event) {
    }

    @Override
    public void event(RecordedEvent e) {
        sink.event(e.time(), e.type().key(), RecordedSession.text(e), e.user());
    }
}
