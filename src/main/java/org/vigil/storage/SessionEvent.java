package org.vigil.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Something that happened in a session other than a reading or an alarm log row: a silencing
 * state (audio paused, alarm off), a nurse action, a limit change, a baseline. Stored in
 * {@code session_event}.
 *
 * <p>{@code type} is a lower-case key ({@code audio_paused}, {@code limit_changed}); the session
 * layer owns the list. {@code user} is who did it (null for the station itself); {@code time} is
 * when. Everything else goes in {@code detail} as a flat JSON object of strings, keys sorted, e.g.
 * {@code {"new":"88","old":"90","rule":"spo2.low"}} for a limit change; build it with
 * {@link #of(Instant, String, Map, String)} and read it back with {@link #details()}. JSON keeps
 * values with spaces or separators unambiguous and lets SQLite's {@code json_extract} query them.
 */
public record SessionEvent(Instant time, String type, String detail, String user, Instant recordedAt, long seq,
        long corrects) {

    /** An event written when it happened, outside a clinical session's numbering. */
    public SessionEvent(Instant time, String type, String detail, String user) {
        this(time, type, detail, user, time, 0, 0);
    }

    /** The stored form of a typed event: its detail as a JSON object in the event's key order. */
    public static SessionEvent from(RecordedEvent e) {
        String json = null;
        if (!e.detail().isEmpty()) {
            try {
                json = JSON.writeValueAsString(e.detail());
            } catch (JsonProcessingException ex) {
                throw new IllegalArgumentException("session event details cannot be written as JSON: " + e.detail(), ex);
            }
        }
        return new SessionEvent(e.time(), e.type().key(), json, e.user(), e.recordedAt(), e.seq(), e.corrects());
    }

    /** The typed event, or empty for a type this version does not know (a newer station wrote it). */
    public java.util.Optional<RecordedEvent> toRecorded() {
        SessionEventType t;
        try {
            t = SessionEventType.fromKey(type);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        Map<String, String> d;
        if (detail == null || detail.isBlank()) {
            d = Map.of();
        } else {
            try {
                d = JSON.readValue(detail, ORDERED_MAP);
            } catch (JsonProcessingException e) {
                d = Map.of("text", detail);
            }
        }
        return java.util.Optional.of(new RecordedEvent(time, t, d, user, recordedAt, seq, corrects));
    }


    /** Written by the recorder: rows were lost because its queue was full. */
    public static final String RECORDING_GAP = "recording_gap";
    /** Written by {@link SessionRepository#recoverUnfinished}: a session found without an end. */
    public static final String SESSION_RECOVERED = "session_recovered";

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_.]*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<java.util.LinkedHashMap<String, String>> ORDERED_MAP = new TypeReference<>() {
    };

    public SessionEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        recordedAt = recordedAt == null ? time : recordedAt;
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("bad session event type '" + type + "' (expected a lower-case key like audio_paused)");
        }
    }

    /** An event whose detail is {@code details} as a JSON object with sorted keys; empty map gives a null detail. */
    public static SessionEvent of(Instant time, String type, Map<String, String> details, String user) {
        if (details == null || details.isEmpty()) {
            return new SessionEvent(time, type, null, user);
        }
        try {
            return new SessionEvent(time, type, JSON.writeValueAsString(new TreeMap<>(details)), user);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("session event details cannot be written as JSON: " + details, e);
        }
    }

    /**
     * The detail as a key/value map (sorted by key). A detail that is not a JSON object of strings
     * comes back as {@code {"text": detail}}; no detail gives an empty map.
     */
    public Map<String, String> details() {
        if (detail == null || detail.isBlank()) {
            return Map.of();
        }
        try {
            return Collections.unmodifiableSortedMap(JSON.readValue(detail, STRING_MAP));
        } catch (JsonProcessingException e) {
            return Map.of("text", detail);
        }
    }
}
