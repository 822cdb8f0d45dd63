package org.vigil.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** An audit entry's detail as a flat JSON object of strings, keys in the entry's order. */
final class DetailJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DetailJson() {
    }

    static String write(Map<String, String> detail) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail cannot be written as JSON", e);
        }
    }

    /** The map, or one entry {@code "unreadable"} when the stored text is not such an object. */
    static Map<String, String> read(String json) {
        try {
            Map<String, String> m = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
            return m == null ? Map.of() : m;
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", json);
        }
    }
}
