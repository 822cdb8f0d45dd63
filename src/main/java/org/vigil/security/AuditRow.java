package org.vigil.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.Role;

/**
 * One row of the audit trail as stored ({@code audit_event}): its number, the entry, and the chain.
 * {@code hash} is SHA-256 over {@link #canonical()} (every field, {@code prevHash} included, each
 * written as its length, a colon and its text, one per line), so changing any field of any row, or
 * removing one, breaks the chain at that row.
 *
 * @param detail the entry's detail as the JSON text stored (an object of strings, in the entry's order)
 */
public record AuditRow(long seq, Instant at, String actorId, String actorName, Role actorRole, String actorHow,
        Instant actorAuthenticatedAt, String action, String target, String detail, String prevHash, String hash) {

    /** The {@code prev_hash} of the first row. */
    public static final String GENESIS = "0".repeat(64);

    /** The row that follows {@code prevHash} as number {@code seq}, with its hash. */
    static AuditRow chain(long seq, AuditEntry e, String prevHash) {
        Actor a = e.actor();
        AuditRow unhashed = new AuditRow(seq, e.at(), a.userId(), a.name(), a.role(), a.how(), a.authenticatedAt(),
                e.action(), e.target(), DetailJson.write(e.detail()), prevHash, "");
        return unhashed.withHash(unhashed.computeHash());
    }

    AuditRow withHash(String h) {
        return new AuditRow(seq, at, actorId, actorName, actorRole, actorHow, actorAuthenticatedAt, action, target,
                detail, prevHash, h);
    }

    /** The text the hash is computed over. */
    String canonical() {
        List<String> fields = List.of(Long.toString(seq), Long.toString(at.toEpochMilli()), actorId, actorName,
                actorRole.name(), actorHow, actorAuthenticatedAt == null ? "" : Long.toString(actorAuthenticatedAt.toEpochMilli()),
                action, target, detail, prevHash);
        StringBuilder b = new StringBuilder("vigil-audit-v1\n");
        for (String f : fields) {
            b.append(f.length()).append(':').append(f).append('\n');
        }
        return b.toString();
    }

    /** SHA-256 of {@link #canonical()}, lower-case hex. */
    String computeHash() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The detail as a map (for screens and exports). */
    public Map<String, String> details() {
        return DetailJson.read(detail);
    }
}
