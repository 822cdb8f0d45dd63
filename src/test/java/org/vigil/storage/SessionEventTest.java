package org.vigil.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionEventTest {

    @Test
    void detailsAreJsonWithSortedKeysAndReadBack() {
        SessionEvent e = SessionEvent.of(Fixtures.T0, "limit_changed",
                Map.of("rule", "spo2.low", "old", "90", "new", "88", "note", "said \"ok\"; a|b=c"), "dr.lee");
        assertEquals("{\"new\":\"88\",\"note\":\"said \\\"ok\\\"; a|b=c\",\"old\":\"90\",\"rule\":\"spo2.low\"}", e.detail());
        assertEquals(Map.of("rule", "spo2.low", "old", "90", "new", "88", "note", "said \"ok\"; a|b=c"), e.details());
    }

    @Test
    void noDetailsGiveNullDetailAndEmptyMap() {
        SessionEvent e = SessionEvent.of(Fixtures.T0, "audio_resumed", Map.of(), null);
        assertNull(e.detail());
        assertEquals(Map.of(), e.details());
    }

    @Test
    void plainTextDetailReadsBackAsText() {
        assertEquals(Map.of("text", "free text"), new SessionEvent(Fixtures.T0, "note", "free text", "nurse.kim").details());
    }

    @Test
    void typeMustBeALowerCaseKey() {
        assertThrows(IllegalArgumentException.class, () -> new SessionEvent(Fixtures.T0, "Audio Paused", null, null));
        assertThrows(IllegalArgumentException.class, () -> new SessionEvent(Fixtures.T0, "", null, null));
    }
}
