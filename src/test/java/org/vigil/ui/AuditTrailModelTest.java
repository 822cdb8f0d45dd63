package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;

class AuditTrailModelTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    private final List<AuditTrailSource.Query> asked = new ArrayList<>();
    private final AuditTrailSource source = new AuditTrailSource() {
        @Override
        public List<Row> read(Actor actor, Query query) {
            asked.add(query);
            return List.of(new Row(1, T0, "Ann (u-ann)", "nurse", "login", "login", "", "{}"));
        }

        @Override
        public int exportCsv(Actor actor, Query query, Path file) {
            asked.add(query);
            return 7;
        }
    };

    private AuditTrailModel model(Role role) {
        return new AuditTrailModel(source, () -> new Actor("u", "U", role, T0, "login"), ZONE, Runnable::run, Runnable::run);
    }

    @Test
    void aNurseIsToldTheTrailIsForAuditorsAndAdminsAndNothingIsRead() {
        AuditTrailModel m = model(Role.NURSE);
        m.search();
        assertTrue(m.rows().isEmpty());
        assertEquals("Only auditors and admins can read the audit trail", m.statusProperty().get());
        assertTrue(asked.isEmpty());
    }

    @Test
    void anAuditorSearchesWithInclusiveDatesInTheStationsZone() {
        AuditTrailModel m = model(Role.AUDITOR);
        m.userProperty().set("ann");
        m.actionProperty().set("login");
        m.fromProperty().set(LocalDate.of(2026, 1, 5));
        m.toProperty().set(LocalDate.of(2026, 1, 5));
        m.search();
        assertEquals(1, m.rows().size());
        assertEquals("1 entry", m.statusProperty().get());
        AuditTrailSource.Query q = asked.get(0);
        assertEquals(Instant.parse("2026-01-04T23:00:00Z"), q.from());
        assertEquals(Instant.parse("2026-01-05T23:00:00Z"), q.to(), "the whole last day");
        assertEquals("ann", q.user());
    }

    @Test
    void anAdminExportsAndIsToldHowManyRows() {
        AuditTrailModel m = model(Role.ADMIN);
        m.export(Path.of("trail.csv"));
        assertEquals("7 entries exported to trail.csv", m.statusProperty().get());
    }

    @Test
    void aFailingReadIsSaidOnTheScreen() {
        AtomicReference<String> status = new AtomicReference<>();
        AuditTrailModel m = new AuditTrailModel(new AuditTrailSource() {
            @Override
            public List<Row> read(Actor actor, Query query) throws Exception {
                throw new java.sql.SQLException("disk gone");
            }

            @Override
            public int exportCsv(Actor actor, Query query, Path file) {
                return 0;
            }
        }, () -> new Actor("u", "U", Role.AUDITOR, T0, "login"), ZONE, Runnable::run, Runnable::run);
        m.search();
        status.set(m.statusProperty().get());
        assertEquals("The audit trail cannot be read: disk gone", status.get());
    }
}
