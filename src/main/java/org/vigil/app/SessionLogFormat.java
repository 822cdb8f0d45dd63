package org.vigil.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.vigil.alarm.AlarmLogFormat;
import org.vigil.domain.RecordedEvent;
import org.vigil.session.SessionLogText;

/**
 * The session log a scenario prints with {@code --session-log} (scenarios.md "Sessions in a
 * scenario"): {@value #HEADER}, one row per clinical session event in the order of the time it
 * happened (an entry made late sits at the time it happened and says when it was entered),
 * {@code event} the type's key, {@code detail} {@link SessionLogText#of}, RFC 4180 quoting.
 */
final class SessionLogFormat {

    static final String HEADER = "t_seconds,event,detail";

    /** Time order; equal times keep the order they were recorded in. */
    static final Comparator<RecordedEvent> TIME_ORDER = Comparator.comparing(RecordedEvent::time)
            .thenComparingLong(RecordedEvent::seq);

    private SessionLogFormat() {
    }

    static String row(RecordedEvent e, Instant t0) {
        return AlarmLogFormat.seconds(Duration.between(t0, e.time())) + ',' + e.type().key() + ','
                + Csv.field(SessionLogText.of(e));
    }

    /** The events sorted into time order (a copy). */
    static List<RecordedEvent> inTimeOrder(List<RecordedEvent> events) {
        return events.stream().sorted(TIME_ORDER).toList();
    }
}
