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
import org.vigil.domain.AuditEntry;
import org.vigil.review.CourseEntry;
import org.vigil.review.SessionArchive;
import org.vigil.review.SessionViewer;
import org.vigil.session.Patient;
import org.vigil.storage.VigilDatabase;
import org.vigil.testsupport.ArchiveFixture;
import org.vigil.ui.chart.TimeSeries;

/** A patient's course side by side, and two sessions overlaid on minutes since infusion start. */
class CourseAndCompareModelTest {

    @TempDir
    Path dir;

    @Test
    void theCourseListsEverySessionOfThePatientWithPeaksAndWhenAndChartsTheBpResponse() {
        List<AuditEntry> audit = new ArrayList<>();
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            Patient jane = ArchiveFixture.patient(db, "M1", "Doe, Jane");
            ArchiveFixture.session(db, jane, "chair1", ArchiveFixture.T0, 60);
            ArchiveFixture.session(db, ArchiveFixture.patient(db, "M2", "Berg, Ada"), "chair2",
                    ArchiveFixture.T0.plus(Duration.ofDays(3)), 60);
            ArchiveFixture.session(db, jane, "chair2", ArchiveFixture.T0.plus(Duration.ofDays(7)), 60);
            SessionViewer viewer = new SessionViewer(new SessionArchive(db), audit::add, InstantSource.system());
            CourseModel m = new CourseModel(() -> Optional.of(viewer), () -> ReviewContext.typedName("dr", Instant.now()),
                    Runnable::run, Runnable::run, ZoneOffset.UTC);
            m.open(jane.id());
            assertThat(m.entries()).hasSize(2);
            assertThat(m.titleProperty().get()).contains("Doe, Jane").contains("2 sessions");
            CourseEntry first = m.entries().get(0);
            assertThat(m.date(first)).isEqualTo("2026-11-02");
            assertThat(CourseModel.dose(first)).isEqualTo("0.5 mg/kg · 35 mg");
            assertThat(CourseModel.baseline(first)).isEqualTo("121/76, HR 70");
            // the last cuff of 60 min is the highest: 120 + 3450/120 at 57.5 min, 47.5 min after the infusion start
            assertThat(CourseModel.peak(first.peakSys(), first.peakSysAtMin())).isEqualTo("148.8 at +48 min");
            assertThat(CourseModel.peak(first.peakHr(), first.peakHrAtMin())).startsWith("181 at +");
            assertThat(CourseModel.minSpo2(first)).isEqualTo("71");
            assertThat(CourseModel.alarms(first)).isEqualTo("1 high · 0 med · 0 low");
            assertThat(CourseModel.adverse(first)).isEqualTo("nausea (moderate)");
            assertThat(m.discharged(first)).isEqualTo("09:00");
            TimeSeries peaks = m.chartState().data(CourseModel.PEAK_SYS);
            assertThat(peaks.size()).isEqualTo(2);
            assertThat(peaks.value(0)).isEqualTo(first.peakSys());
            assertThat(audit).hasSize(2).allMatch(e -> "course".equals(e.detail().get("view")));
        }
    }

    @Test
    void twoSessionsAreOverlaidOnTheFirstOnesInfusionStart() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            Patient jane = ArchiveFixture.patient(db, "M1", "Doe, Jane");
            long a = ArchiveFixture.session(db, jane, "chair1", ArchiveFixture.T0, 60);
            Instant laterStart = ArchiveFixture.T0.plus(Duration.ofDays(7)).plusSeconds(1_234);
            long b = ArchiveFixture.session(db, jane, "chair2", laterStart, 60);
            SessionViewer viewer = new SessionViewer(new SessionArchive(db), e -> { }, InstantSource.system());
            CompareModel m = new CompareModel(() -> Optional.of(viewer), () -> ReviewContext.typedName("dr", Instant.now()),
                    Runnable::run, Runnable::run, ZoneOffset.UTC);
            m.open(a, b);
            long ref = ArchiveFixture.infusionStart(ArchiveFixture.T0).toEpochMilli();
            assertThat(m.chartState().infusionStart()).isEqualTo(ref);
            TimeSeries hrA = m.chartState().data("a.hr");
            TimeSeries hrB = m.chartState().data("b.hr");
            assertThat(hrA.firstTime()).isEqualTo(hrB.firstTime());
            // B's spike lands at the same minute since infusion start as A's
            long spikeA = ArchiveFixture.spikeAt(ArchiveFixture.T0, 60).toEpochMilli() + 1_000;
            assertThat(hrB.value(hrB.nearest(spikeA))).isEqualTo(ArchiveFixture.SPIKE_HR);
            assertThat(m.minutesAt(spikeA)).isEqualTo((spikeA - ref) / 60_000.0);
            assertThat(m.chartState().data("b.sys").size()).isEqualTo(12);
            assertThat(m.titleProperty().get()).contains("A: 2026-11-02").contains("B: 2026-11-09");
        }
    }
}
