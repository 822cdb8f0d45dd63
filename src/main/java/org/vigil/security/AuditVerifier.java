package org.vigil.security;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.vigil.storage.DatabaseKey;

/**
 * Checks an audit trail ({@code vigil verify-audit}): every row's hash over its own contents, every
 * row's link to the row before, numbers without gaps from 1, and the last row against the head
 * signed outside the database. Names the first row that fails and what is wrong with it.
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /** The first problem found: the row's number and what is wrong. */
    public record Problem(long seq, String what) {
        @Override
        public String toString() {
            return "seq " + seq + ": " + what;
        }
    }

    /** The outcome: how many rows were checked and the first problem, if any. */
    public record Verdict(long rows, Optional<Problem> problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /** Verifies the trail in the database {@code c} against the head file of {@code database}. */
    public static Verdict verify(Connection c, Path database, DatabaseKey key) throws SQLException, IOException {
        return verify(c, new AuditHead(AuditHead.fileFor(database), key.derive(AuditHead.PURPOSE)));
    }

    static Verdict verify(Connection c, AuditHead head) throws SQLException, IOException {
        long[] count = {0};
        long[] expected = {1};
        String[] prev = {AuditRow.GENESIS};
        Problem[] first = {null};
        AuditTable.each(c, row -> {
            count[0]++;
            if (first[0] != null) {
                return;
            }
            if (row.seq() != expected[0]) {
                first[0] = new Problem(expected[0], row.seq() > expected[0]
                        ? "row missing (deleted?): the trail goes from seq " + (expected[0] - 1) + " to seq " + row.seq()
                        : "row out of order: seq " + row.seq() + " after seq " + (expected[0] - 1));
                return;
            }
            if (!row.computeHash().equals(row.hash())) {
                first[0] = new Problem(row.seq(), "row changed: its contents no longer match its hash ("
                        + row.action() + " at " + row.at() + ")");
                return;
            }
            if (!row.prevHash().equals(prev[0])) {
                first[0] = new Problem(row.seq(), "chain broken: prev_hash is not the hash of seq " + (row.seq() - 1)
                        + " (that row or this one was rewritten)");
                return;
            }
            prev[0] = row.hash();
            expected[0]++;
        });
        if (first[0] != null) {
            return new Verdict(count[0], Optional.of(first[0]));
        }
        long last = expected[0] - 1;
        Optional<AuditHead.Signed> signed = head.read();
        if (signed.isEmpty()) {
            return last == 0 ? new Verdict(0, Optional.empty())
                    : new Verdict(count[0], Optional.of(new Problem(last, "the signed head " + head.file() + " is missing")));
        }
        AuditHead.Signed h = signed.get();
        if (!h.signatureValid()) {
            return new Verdict(count[0], Optional.of(new Problem(Math.max(h.seq(), 0),
                    "the head " + head.file() + " is not signed with this database's key")));
        }
        if (h.seq() > last) {
            return new Verdict(count[0], Optional.of(new Problem(last + 1, "rows missing at the end (truncated): the signed"
                    + " head names seq " + h.seq() + " but the trail ends at seq " + last)));
        }
        if (h.seq() < last) {
            return new Verdict(count[0], Optional.of(new Problem(h.seq() + 1, "rows after the signed head (seq " + h.seq()
                    + "): written without the head being signed (a crash, or added by someone else)")));
        }
        if (last > 0) {
            String hash = AuditTable.bySeq(c, last).map(AuditRow::hash).orElse("");
            if (!hash.equals(h.hash())) {
                return new Verdict(count[0], Optional.of(new Problem(last, "the last row is not the one the head was signed for")));
            }
        }
        return new Verdict(count[0], Optional.empty());
    }
}
