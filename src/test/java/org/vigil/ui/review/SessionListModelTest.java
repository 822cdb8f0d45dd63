package org.vigil.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.review.SessionArchive;
import org.vigil.session.Phase;
import org.vigil.storage.EndReason;
import org.vigil.storage.NewSession;
import org.vigil.storage.SessionDevice;
import org.vigil.storage.VigilDatabase;
import org.vigil.testsupport.ArchiveFixture;

/** The session list's filters, columns and pages, without a window. */
class SessionListModelTest {

    @TempDir
    Path dir;

    /** {@code n} short ended sessions without readings, one a minute from {@link ArchiveFixture#T0}; their ids. */
    private static List<Long> light(VigilDatabase db, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant start = ArchiveFixture.T0.plusSeconds(60L * i);
            long id = db.sessions().startSession(new NewSession("chair" + (1 + i % 3), start, "test", true,
                    List.of(new SessionDevice("mon", "Monitor", "ivy", "/dev/null"))));
            db.sessions().endSession(id, start.plusSeconds(50), EndReason.CLOSED);
            ids.add(id);
        }
        return ids;
    }

    private static List<Long> ids(List<ListedSession> rows) {
        return rows.stream().map(l -> l.row().id()).toList();
    }

    @Test
    void theFirstPageIsShownWithTheCountBeforeTheRestIsRead() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            List<Long> made = light(db, SessionListModel.FIRST_PAGE + 150);
            List<Runnable> background = new ArrayList<>();
            SessionListModel m = new SessionListModel(() -> Optional.of(new SessionArchive(db)), background::add,
                    Runnable::run, ZoneOffset.UTC, InstantSource.system());
            m.refresh();
            assertThat(m.answeredProperty().get()).isFalse();
            background.remove(0).run();

            assertThat(m.rows()).hasSize(SessionListModel.FIRST_PAGE);
            assertThat(m.rows().get(0).row().id()).isEqualTo(made.get(made.size() - 1)); // newest first
            assertThat(m.answeredProperty().get()).isTrue();
            assertThat(m.completeProperty().get()).isFalse();
            assertThat(m.statusProperty().get()).isEqualTo("250 sessions");
            assertThat(m.chairs()).containsExactly("chair1", "chair2", "chair3");
            assertThat(background).as("the next page is asked for once the first is shown").hasSize(1);

            background.remove(0).run();
            assertThat(m.completeProperty().get()).isTrue();
            List<Long> newestFirst = new ArrayList<>(made);
            java.util.Collections.reverse(newestFirst);
            assertThat(ids(m.rows())).containsExactlyElementsOf(newestFirst);
            assertThat(background).isEmpty();
        }
    }

    @Test
    void theQueryRunsOnTheBackgroundExecutorAndOnlyTheUiExecutorChangesTheList() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            light(db, 3);
            List<Runnable> background = new ArrayList<>();
            List<Runnable> ui = new ArrayList<>();
            SessionListModel m = new SessionListModel(() -> Optional.of(new SessionArchive(db)), background::add,
                    ui::add, ZoneOffset.UTC, InstantSource.system());
            m.refresh();
            assertThat(ui).as("refresh itself reads nothing").isEmpty();
            background.remove(0).run(); // the database is read here, the texts made here
            assertThat(m.rows()).as("nothing shown changes on the query thread").isEmpty();
            assertThat(m.statusProperty().get()).isEmpty();
            assertThat(m.answeredProperty().get()).isFalse();
            assertThat(ui).hasSize(1);
            ui.remove(0).run();
            assertThat(m.rows()).hasSize(3);
            assertThat(m.rows().get(0).date()).isEqualTo("2026-11-02 08:02");
            assertThat(m.completeProperty().get()).isTrue();
        }
    }

    @Test
    void showingTheListAgainChangesNoRowWhenNothingNewWasRecorded() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            light(db, SessionListModel.FIRST_PAGE + 20);
            SessionListModel m = new SessionListModel(() -> Optional.of(new SessionArchive(db)), Runnable::run,
                    Runnable::run, ZoneOffset.UTC, InstantSource.system());
            m.refresh();
            List<ListedSession> before = List.copyOf(m.rows());
            List<javafx.collections.ListChangeListener.Change<? extends ListedSession>> changes = new ArrayList<>();
            m.rows().addListener((javafx.collections.ListChangeListener<ListedSession>) changes::add);

            m.refresh();
            assertThat(changes).as("the table keeps its cells as drawn").isEmpty();
            assertThat(m.rows()).containsExactlyElementsOf(before);
            assertThat(m.completeProperty().get()).isTrue();

            // a session recorded since: the list follows from the top
            Instant later = ArchiveFixture.T0.plus(Duration.ofDays(1));
            long newer = db.sessions().startSession(new NewSession("chair1", later, "test", true,
                    List.of(new SessionDevice("mon", "Monitor", "ivy", "/dev/null"))));
            db.sessions().endSession(newer, later.plusSeconds(50), EndReason.CLOSED);
            m.refresh();
            assertThat(changes).isNotEmpty();
            assertThat(m.rows()).hasSize(before.size() + 1);
            assertThat(m.rows().get(0).row().id()).isEqualTo(newer);
        }
    }

    @Test
    void showingTheListAgainReplacesOnlyTheRowOfTheSessionStillRunning() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            light(db, 30);
            Instant start = ArchiveFixture.T0.plus(Duration.ofDays(1));
            long running = db.sessions().startSession(new NewSession("chair1", start, "test", true,
                    List.of(new SessionDevice("mon", "Monitor", "ivy", "/dev/null"))));
            Instant[] now = {start.plus(Duration.ofMinutes(10))};
            SessionListModel m = new SessionListModel(() -> Optional.of(new SessionArchive(db)), Runnable::run,
                    Runnable::run, ZoneOffset.UTC, () -> now[0]);
            m.refresh();
            assertThat(m.rows().get(0).row().id()).isEqualTo(running);
            assertThat(m.rows().get(0).duration()).isEqualTo("0 h 10 min (running)");
            List<String> changes = new ArrayList<>();
            m.rows().addListener((javafx.collections.ListChangeListener<ListedSession>) c -> {
                while (c.next()) {
                    changes.add((c.wasReplaced() ? "replaced " : c.wasAdded() ? "added " : "removed ") + c.getFrom()
                            + ".." + c.getTo());
                }
            });

            now[0] = now[0].plus(Duration.ofMinutes(2));
            m.refresh();
            assertThat(changes).as("the other 30 rows keep their cells").containsExactly("replaced 0..1");
            assertThat(m.rows().get(0).duration()).isEqualTo("0 h 12 min (running)");
            assertThat(m.rows()).hasSize(31);
        }
    }

    @Test
    void aNarrowerFilterDropsRowsOfTheWiderListing() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            light(db, SessionListModel.FIRST_PAGE + 20);
            SessionListModel m = new SessionListModel(() -> Optional.of(new SessionArchive(db)), Runnable::run,
                    Runnable::run, ZoneOffset.UTC, InstantSource.system());
            m.refresh();
            m.chairProperty().set("chair2");
            assertThat(m.rows()).hasSize(40).allSatisfy(l -> assertThat(l.chair()).isEqualTo("chair2"));
            assertThat(m.statusProperty().get()).isEqualTo("40 sessions");
        }
    }

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
            assertThat(m.rows()).extracting(l -> l.row().id()).containsExactly(b);
            assertThat(m.statusProperty().get()).isEqualTo("1 session");
            assertThat(m.chairs()).containsExactly("chair1", "chair2");

            queued.clear();
            m.patientProperty().set("");
            m.chairProperty().set("chair1");
            queued.get(queued.size() - 1).run();
            assertThat(m.rows()).extracting(l -> l.row().id()).containsExactly(a);

            m.chairProperty().set(null);
            m.fromProperty().set(ArchiveFixture.T0.plus(Duration.ofDays(1)).atZone(ZoneOffset.UTC).toLocalDate());
            queued.get(queued.size() - 1).run();
            assertThat(m.rows()).extracting(l -> l.row().id()).containsExactly(b);

            m.fromProperty().set(null);
            m.phaseReachedProperty().set(Phase.DISCHARGED);
            m.highAlarmProperty().set(true);
            queued.get(queued.size() - 1).run();
            assertThat(m.rows()).extracting(l -> l.row().id()).containsExactly(b, a);
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
            ListedSession r = m.rows().get(0);
            assertThat(r.date()).isEqualTo("2026-11-02 08:00");
            assertThat(r.patient()).isEqualTo("Doe, Jane (M1)");
            assertThat(r.chair()).isEqualTo("chair1");
            assertThat(r.duration()).isEqualTo("1 h 30 min");
            assertThat(r.dose()).isEqualTo("0.5 mg/kg · 35 mg");
            assertThat(r.peakSys()).isEqualTo("163.8");
            assertThat(r.minSpo2()).isEqualTo("71");
            assertThat(r.alarms()).isEqualTo("1 high · 0 med · 0 low");
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
