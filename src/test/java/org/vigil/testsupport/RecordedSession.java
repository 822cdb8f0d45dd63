package org.vigil.testsupport;

import org.vigil.domain.RecordedEvent;

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
    public void event(RecordedEvent e) {
        events.add(e.type().key() + "|" + text(e) + "|" + e.user());
        typed.add(e);
    }

    /** Every typed event, in order. */
    public final List<RecordedEvent> typed = new ArrayList<>();

    /** A detail as the tests compare it: a lone text as it is, else {@code key=value} pairs. */
    public static String text(RecordedEvent e) {
        if (e.detail().isEmpty()) {
            return null;
        }
        if (e.detail().size() == 1 && e.detail().containsKey("text")) {
            return e.get("text");
        }
        return e.detailText();
    }
}
