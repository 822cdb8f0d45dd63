package org.vigil.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.domain.RecordedEvent;

/**
 * A session event with the corrections that point at it (oldest first). The original is never
 * changed: {@link #effectiveDetail()} is what a reader sees after the corrections.
 */
public record ArchivedEvent(RecordedEvent event, List<RecordedEvent> corrections) {

    public ArchivedEvent {
        corrections = List.copyOf(corrections);
    }

    public boolean corrected() {
        return !corrections.isEmpty();
    }

    /** The detail with each correction's fields laid over it (without its {@code corrects} and {@code reason}). */
    public Map<String, String> effectiveDetail() {
        Map<String, String> d = new LinkedHashMap<>(event.detail());
        for (RecordedEvent c : corrections) {
            c.detail().forEach((k, v) -> {
                if (!k.equals("corrects") && !k.equals("reason")) {
                    d.put(k, v);
                }
            });
        }
        return d;
    }
}
