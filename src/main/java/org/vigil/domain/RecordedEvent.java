package org.vigil.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One typed session event as it is recorded: what happened ({@link #type}), when it happened
 * ({@link #time}), when it was written ({@link #recordedAt}: later than {@code time} for an event
 * entered after the fact), who did it ({@code user}, null for the station), its structured
 * {@link #detail} (keys in a stable order, values as text; stored as a JSON object), the
 * clinical session's sequence number ({@code seq}, 0 for events outside a clinical session) and,
 * for a correction, the sequence number of the event it corrects ({@code corrects}, 0 for none).
 * A correction never overwrites: the original stays and the correction points at it.
 */
public record RecordedEvent(Instant time, SessionEventType type, Map<String, String> detail, String user,
        Instant recordedAt, long seq, long corrects) {

    public RecordedEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        detail = detail == null || detail.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(detail));
        recordedAt = recordedAt == null ? time : recordedAt;
    }

    /** An event written when it happened, outside a clinical session's numbering. */
    public static RecordedEvent of(Instant time, SessionEventType type, Map<String, String> detail, String user) {
        return new RecordedEvent(time, type, detail, user, time, 0, 0);
    }

    /** An event whose whole detail is one human-readable text. */
    public static RecordedEvent text(Instant time, SessionEventType type, String text, String user) {
        return of(time, type, text == null || text.isBlank() ? Map.of() : Map.of("text", text), user);
    }

    /** One detail value, or null. */
    public String get(String key) {
        return detail.get(key);
    }

    /**
     * The detail as the session log prints it: {@code key=value} pairs separated by spaces, in
     * order; a value with a space or an {@code =} is printed in double quotes.
     */
    public String detailText() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : detail.entrySet()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            String v = e.getValue() == null ? "" : e.getValue();
            b.append(e.getKey()).append('=');
            if (v.indexOf(' ') >= 0 || v.indexOf('=') >= 0 || v.indexOf('"') >= 0) {
                b.append('"').append(v.replace("\"", "'")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.toString();
    }

    /** True when written later than it happened (entered after the fact). */
    public boolean late() {
        return recordedAt.isAfter(time);
    }
}
