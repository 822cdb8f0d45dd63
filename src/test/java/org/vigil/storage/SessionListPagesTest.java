package org.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session list read page by page (keyset), its count, and its kept statements. */
class SessionListPagesTest {

    @TempDir
    Path dir;

    private static long ended(VigilDatabase db, String chair, Instant start) {
        long id = db.sessions().startSession(Fixtures.newSession(chair, start));
        db.sessions().endSession(id, start.plusSeconds(60), EndReason.CLOSED);
        return id;
    }

    private static List<Long> ids(List<SessionListRow> rows) {
        return rows.stream().map(SessionListRow::id).toList();
    }

    @Test
    void pagesReadOnFromTheLastRowListEverySessionOnceEvenWhenSeveralStartedAtTheSameTime() {
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("v.db"))) {
            for (int i = 0; i < 9; i++) {
                // three sessions at each of three start times: a page boundary falls between equal starts
                ended(db, "chair" + (1 + i % 2), Fixtures.T0.plusSeconds(3600L * (i / 3)));
            }
            ArchiveQueries q = db.archive();
            List<Long> all = ids(q.list(SessionListFilter.all()));
            assertThat(all).hasSize(9);

            List<Long> paged = new ArrayList<>();
            List<SessionListRow> page = q.list(SessionListFilter.all().withLimit(2));
            while (!page.isEmpty()) {
                paged.addAll(ids(page));
                SessionListRow last = page.get(page.size() - 1);
                page = q.listAfter(SessionListFilter.all().withLimit(2), last.start(), last.id());
            }
            assertThat(paged).containsExactlyElementsOf(all);

            // with a filter, pages keep to it
            SessionListRow first = q.list(SessionListFilter.all().withChair("chair1").withLimit(1)).get(0);
            assertThat(q.listAfter(SessionListFilter.all().withChair("chair1"), first.start(), first.id()))
                    .extracting(SessionListRow::chairId).containsOnly("chair1").hasSize(4);
        }
    }

    @Test
    void theCountFollowsTheFilterAndIgnoresTheLimit() {
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("v.db"))) {
            ended(db, "chair1", Fixtures.T0);
            ended(db, "chair2", Fixtures.T0.plusSeconds(3600));
            long abnormal = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0.plusSeconds(7200)));
            db.sessions().endSession(abnormal, Fixtures.T0.plusSeconds(7300), EndReason.ENDED_ABNORMALLY);
            ArchiveQueries q = db.archive();
            assertThat(q.count(SessionListFilter.all().withLimit(1))).isEqualTo(3);
            assertThat(q.count(SessionListFilter.all().withChair("chair1"))).isEqualTo(2);
            assertThat(q.count(SessionListFilter.all().withEndedAbnormally(true))).isEqualTo(1);
            assertThat(q.count(SessionListFilter.all().withPatient("nobody"))).isZero();
        }
    }

    @Test
    void keptStatementsHoldNoReadTransactionSoTheLogCanBeCheckpointed() throws Exception {
        Path file = dir.resolve("v.db");
        try (VigilDatabase db = VigilDatabase.open(file)) {
            for (int i = 0; i < 30; i++) {
                ended(db, "chair1", Fixtures.T0.plusSeconds(60L * i));
            }
            ArchiveQueries q = db.archive();
            // more filters than statements kept: the eldest are closed on the way
            for (int i = 0; i < 20; i++) {
                q.list(SessionListFilter.all().withLimit(i + 1));
                q.count(SessionListFilter.all().withChair("chair" + i));
            }
            SessionListRow last = q.list(SessionListFilter.all().withLimit(5)).get(4);
            assertThat(q.listAfter(SessionListFilter.all().withLimit(5), last.start(), last.id())).hasSize(5);

            // another connection writes and then truncates the write-ahead log: it could not if one of
            // the list's statements were still inside a read
            try (Connection c = VigilDatabase.connection(file, DatabaseKeys.standard());
                    Statement s = c.createStatement()) {
                s.execute("UPDATE session SET software_version = 'x' WHERE id = 1");
                try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("checkpoint blocked by a reader").isZero();
                }
            }
            assertThat(q.count(SessionListFilter.all())).isEqualTo(30);
        }
    }
}
