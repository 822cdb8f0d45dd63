package org.vigil.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Reading;
import org.vigil.chair.SessionRecorder;

/** A session recorder for chair tests: keeps the alarm events, and the session events as {@code type|detail|user}. */
public final class RecordedSession implements SessionRecorder {

    /** The alarm events, in order. */
    public final List<AlarmEvent> alarms = new ArrayList<>();
    /** The session events as {@code type|detail|user}, in order. */
    public final List<String> events = new ArrayList<>();

    @Override
    public void reading(Reading reading) {
    }

    @Override
    public void alarm(AlarmEvent event) {
        alarms.add(event);
    }

    @Override
    public void event(Instant time, String type, String detail, String user) {
        events.add(type + "|" + detail + "|" + user);
    }
}
