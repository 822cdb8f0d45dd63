package org.vigil.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.review.SessionArchive;
import org.vigil.review.SessionRow;
import org.vigil.session.Phase;
import org.vigil.storage.VigilDatabase;
import org.vigil.testsupport.ArchiveFixture;

/** The session list's filters and columns, without a window. */
class SessionListModelTest {

    @TempDir
    Path dir;

    @Test
    void everyFilterQueriesAgainAndAnOlderAnswerIsDropped() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            long a = ArchiveFixture.session(db, ArchiveFixture.patient(db, "M1", "Doe, Jane"), "chair1", ArchiveFixture.T0, 60);
            long b = ArchiveFixture.session(db, ArchiveFixture.patient(db, "M2", "Berg, Ada"), "chair2",
                    ArchiveFixture.T0.plus(Duration.ofDays(2)), 60);
            List<Runnable> queued = new ArrayList<>();
            SessionListModel m = new SessionListModel(() -> Optional.of(new SessionArchive(db)), queued::add, Runnable::run,
                    ZoneOffset.UTC, InstantSource.system());
            m.refresh();
            m.patientProperty().set("berg");
            assertThat(queued).hasSize(2);
            queued.get(1).run();
            queued.get(0).run(); // the answer to the filter before: dropped
            assertThat(m.rows()).extracting(SessionRow::id).containsExactly(b);
            assertThat(m.statusProperty().get()).isEqualTo("1 session");
            assertThat(m.chairs()).containsExactly("chair1", "chair2");

            queued.clear();
            m.patientProperty().set("");
            m.chairProperty().set("chair1");
            queued.get(queued.size() - 1).run();
            assertThat(m.rows()).extracting(SessionRow::id).containsExactly(a);

            m.chairProperty().set(null);
            m.fromProperty().set(ArchiveFixture.T0.plus(Duration.ofDays(1)).atZone(ZoneOffset.UTC).toLocalDate());
            queued.get(queued.size() - 1).run();
            assertThat(m.rows()).extracting(SessionRow::id).containsExactly(b);

            m.fromProperty().set(null);
            m.phaseReachedProperty().set(Phase.DISCHARGED);
            m.highAlarmProperty().set(true);
            queued.get(queued.size() - 1).run();
            assertThat(m.rows()).extracting(SessionRow::id).containsExactly(b, a);
            m.endedAbnormallyProperty().set(true);
            queued.get(queued.size() - 1).run();
            assertThat(m.rows()).isEmpty();
        }
    }

    @Test
    void theColumnsSayDateDurationDosePeaksAndAlarms() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            ArchiveFixture.session(db, ArchiveFixture.patient(db, "M1", "Doe, Jane"), "chair1", ArchiveFixture.T0, 90);
            SessionListModel m = new SessionListModel(() -> Optional.of(new SessionArchive(db)), Runnable::run, Runnable::run,
                    ZoneOffset.UTC, InstantSource.system());
            m.refresh();
            SessionRow r = m.rows().get(0);
            assertThat(m.date(r)).isEqualTo("2026-11-02 08:00");
            assertThat(SessionListModel.patient(r)).isEqualTo("Doe, Jane (M1)");
            assertThat(m.duration(r)).isEqualTo("1 h 30 min");
            assertThat(SessionListModel.dose(r)).isEqualTo("0.5 mg/kg · 35 mg");
            assertThat(SessionListModel.peakSys(r)).isEqualTo("163.8");
            assertThat(SessionListModel.minSpo2(r)).isEqualTo("71");
            assertThat(SessionListModel.alarms(r)).isEqualTo("1 high · 0 med · 0 low");
        }
    }

    @Test
    void noDatabaseSaysSo() {
        SessionListModel m = new SessionListModel(Optional::empty, Runnable::run, Runnable::run, ZoneOffset.UTC,
                InstantSource.system());
        m.refresh();
        assertThat(m.rows()).isEmpty();
        assertThat(m.statusProperty().get()).contains("cannot be read");
    }
}
