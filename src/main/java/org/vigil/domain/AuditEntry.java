package org.vigil.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One security-relevant thing that happened, for the audit trail (clinical.md "Privacy"):
 * who ({@link Actor}), what ({@code action}, e.g. {@code session.viewed}, {@code export},
 * {@code login.failed}), on what ({@code target}, e.g. {@code session:42}, or empty) and the
 * details as an ordered map of strings. Never carries a patient's name or MRN in {@code detail}
 * unless the action is about that record and the trail is encrypted with the database.
 */
public record AuditEntry(Instant at, Actor actor, String action, String target, Map<String, String> detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
        detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }
}
