package org.vigil.export.outbox;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.vigil.export.ExportProgress;
import org.vigil.export.Hl7Oru;
import org.vigil.export.SessionLog;
import org.vigil.export.SessionLogReader;
import org.vigil.storage.OutboxStore;

/**
 * Puts a signed session into the outbox: its HL7 v2.6 ORU^R01 built once, with the control id
 * (MSH-10) {@code VIGIL-<session>-<enqueue ms>} that every retry keeps.
 */
public final class SignedSessions {

    private final SessionLogReader reader;
    private final OutboxStore store;
    private final InstantSource clock;

    public SignedSessions(SessionLogReader reader, OutboxStore store, InstantSource clock) {
        this.reader = reader;
        this.store = store;
        this.clock = clock;
    }

    /** Enqueues session {@code sessionId}; empty when there is no such session. Returns the outbox row id. */
    public Optional<Long> enqueue(long sessionId) throws IOException {
        Optional<SessionLog> log = reader.read(sessionId);
        if (log.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String controlId = "VIGIL-" + sessionId + "-" + now.toEpochMilli();
        String message = Hl7Oru.message(log.get(), controlId, now, ExportProgress.NONE);
        return Optional.of(store.enqueue(sessionId, controlId, message, now));
    }
}
