package org.vigil.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
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
public record SessionEvent(Instant time, String type, String detail, String user) {

    /** Written by the recorder: rows were lost because its queue was full. */
    public static final String RECORDING_GAP = "recording_gap";
    /** Written by {@link SessionRepository#recoverUnfinished}: a session found without an end. */
    public static final String SESSION_RECOVERED = "session_recovered";

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_.]*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    public SessionEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
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
