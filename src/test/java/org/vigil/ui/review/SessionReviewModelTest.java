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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.review.SessionArchive;
import org.vigil.review.SessionViewer;
import org.vigil.storage.VigilDatabase;
import org.vigil.testsupport.ArchiveFixture;
import org.vigil.ui.chart.ChartViewport;
import org.vigil.ui.chart.TimeSeries;

/** The review view model without a window: opening, zoom, pan, cursor read-out, the list following the cursor, jumps. */
class SessionReviewModelTest {

    @TempDir
    Path dir;

    private VigilDatabase db;
    private long id;
    private final List<AuditEntry> audit = new ArrayList<>();
    private SessionReviewModel model;
    private final long t0 = ArchiveFixture.T0.toEpochMilli();

    @BeforeEach
    void open() {
        db = ArchiveFixture.open(dir);
        id = ArchiveFixture.session(db, ArchiveFixture.patient(db, "M1", "Doe, Jane"), "chair1", ArchiveFixture.T0, 90);
        SessionViewer viewer = new SessionViewer(new SessionArchive(db), audit::add, InstantSource.system());
        model = new SessionReviewModel(() -> Optional.of(viewer), () -> ReviewContext.typedName("carol", Instant.now()),
                Runnable::run, Runnable::run, ZoneOffset.UTC);
        model.viewport().setWidth(1_000);
        model.open(id);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void openingShowsTheWholeSessionWithEveryLaneAndIsRecordedAsViewedByTheActingUser() {
        ChartViewport v = model.viewport();
        assertThat(v.start()).isEqualTo(t0);
        assertThat(v.end()).isEqualTo(t0 + Duration.ofMinutes(90).toMillis());
        assertThat(model.chartState().lanes()).extracting(l -> l.id()).contains(SessionReviewModel.LANE_HR,
                SessionReviewModel.LANE_SPO2, SessionReviewModel.LANE_NIBP, SessionReviewModel.LANE_RR);
        assertThat(model.chartState().data(SessionReviewModel.SPO2).min()).isEqualTo(ArchiveFixture.SPIKE_SPO2);
        assertThat(model.chartState().phases()).extracting(p -> p.label()).containsExactly("Baseline", "Infusion", "Recovery");
        assertThat(model.chartState().alarms()).hasSize(1);
        assertThat(model.chartState().cuffs()).hasSize(18);
        assertThat(model.chartState().baselines()).isNotEmpty();
        assertThat(model.titleProperty().get()).contains("Doe, Jane").contains("chair1");
        assertThat(model.headerProperty().get()).contains("0.5 mg/kg").contains("Baseline: 121/76");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).actor().name()).isEqualTo("carol");
        assertThat(audit.get(0).target()).isEqualTo("session:" + id);
    }

    @Test
    void zoomAndPanMoveTheWindowAndHomeEndReachTheEdges() {
        ChartViewport v = model.viewport();
        long whole = v.span();
        model.zoomIn();
        assertThat(v.span()).isEqualTo(whole / 2);
        long start = v.start();
        model.pan(0.1);
        assertThat(v.start()).isEqualTo(start + v.span() / 10);
        model.home();
        assertThat(v.start()).isEqualTo(t0);
        model.end();
        assertThat(v.end()).isEqualTo(t0 + whole);
        model.zoomOut();
        model.zoomOut();
        assertThat(v.span()).isEqualTo(whole);
    }

    @Test
    void theCursorReadsOutEveryVitalThePhaseAndTheActiveAlarm() {
        long spike = ArchiveFixture.spikeAt(ArchiveFixture.T0, 90).toEpochMilli();
        model.setCursor(spike + 1_000);
        String text = model.readoutProperty().get();
        assertThat(text).contains("Phase: Recovery").contains("HR").contains("SpO2").contains("RR")
                .contains("!!! SpO2 71").contains("min since infusion start").contains("Last cuff:");
        model.setCursor(t0 + Duration.ofMinutes(5).toMillis());
        assertThat(model.readoutProperty().get()).contains("Phase: Baseline").contains("No alarm active");
    }

    @Test
    void theListFollowsTheCursorAndARowOrTheNextAlarmMovesTheChartThere() {
        model.zoomIn();
        model.zoomIn();
        model.zoomIn();
        List<ReviewRow> rows = model.rows();
        int alarm = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).isAlarm()) {
                alarm = i;
            }
        }
        assertThat(alarm).isGreaterThan(0);
        long at = rows.get(alarm).time();
        model.setCursor(at + 500);
        assertThat(model.currentRowProperty().get()).isEqualTo(alarm);

        model.home();
        model.setCursor(t0);
        model.nextAlarm();
        ChartViewport v = model.viewport();
        assertThat(at).isBetween(v.start(), v.end());
        assertThat(Math.abs((v.start() + v.end()) / 2 - at)).isLessThan(1_000);
        assertThat(model.chartState().cursor()).isEqualTo(at);

        model.jumpToRow(0);
        assertThat(model.chartState().cursor()).isEqualTo(rows.get(0).time());
        assertThat(model.currentRowProperty().get()).isEqualTo(rows.stream().filter(r -> r.time() <= rows.get(0).time())
                .count() - 1);
    }

    @Test
    void aZoomedInWindowIsLoadedAtThePlotsResolutionAndSplicedIntoTheOverview() {
        long spike = ArchiveFixture.spikeAt(ArchiveFixture.T0, 90).toEpochMilli();
        TimeSeries overview = model.chartState().data(SessionReviewModel.HR);
        model.viewport().show(spike - 60_000, spike + 60_000);
        TimeSeries after = model.chartState().data(SessionReviewModel.HR);
        int inWindow = 0;
        for (int i = 0; i < after.size(); i++) {
            if (after.time(i) >= spike - 60_000 && after.time(i) <= spike + 60_000) {
                inWindow++;
            }
        }
        assertThat(inWindow).as("one sample a second in a 2-minute window").isBetween(115, 125);
        assertThat(after.max()).isEqualTo(ArchiveFixture.SPIKE_HR);
        assertThat(after.firstTime()).isEqualTo(overview.firstTime());
        assertThat(after.lastTime()).isEqualTo(overview.lastTime());
        int i = after.indexAtOrBefore(spike + 1_000);
        assertThat(after.value(i)).isEqualTo(ArchiveFixture.SPIKE_HR);
    }

    @Test
    void spliceKeepsTheOverviewOutsideTheWindow() {
        TimeSeries over = TimeSeries.wrap(new long[] {0, 10, 20, 30, 40}, new double[] {1, 2, 3, 4, 5});
        TimeSeries detail = TimeSeries.wrap(new long[] {11, 12, 13}, new double[] {9, 9, 9});
        TimeSeries s = SessionReviewModel.splice(over, detail, 10, 21);
        assertThat(s.size()).isEqualTo(6);
        assertThat(s.time(0)).isZero();
        assertThat(s.time(4)).isEqualTo(30);
        assertThat(s.value(2)).isEqualTo(9);
    }

    static Actor who() {
        return ReviewContext.typedName("carol", Instant.now());
    }
}
