package org.vigil.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.SessionEventType;
import org.vigil.domain.Vital;
import org.vigil.session.Phase;
import org.vigil.storage.VigilDatabase;
import org.vigil.testsupport.ArchiveFixture;

/** The read side over a recorded session: header, events with corrections, alarms, list, streamed and downsampled data. */
class SessionArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theHeaderHoldsPatientOrderPhasesBaselineAndEnd() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            long id = ArchiveFixture.session(db, ArchiveFixture.patient(db, "M1", "Doe, Jane"), "chair2", ArchiveFixture.T0, 80);
            SessionHeader h = new SessionArchive(db).header(id).orElseThrow();
            assertThat(h.patient().name()).isEqualTo("Doe, Jane");
            assertThat(h.chairId()).isEqualTo("chair2");
            assertThat(h.dose().totalMg()).isEqualTo(35.0);
            assertThat(h.order().prescriber()).isEqualTo("Dr. Test");
            assertThat(h.phases()).extracting(PhaseSpan::phase)
                    .containsExactly(Phase.BASELINE, Phase.INFUSION, Phase.RECOVERY, Phase.DISCHARGED);
            assertThat(h.phases().get(1).from()).isEqualTo(ArchiveFixture.infusionStart(ArchiveFixture.T0));
            assertThat(h.phases().get(1).to()).isEqualTo(h.phases().get(2).from());
            assertThat(h.infusionStart()).isEqualTo(ArchiveFixture.infusionStart(ArchiveFixture.T0));
            assertThat(h.phaseAt(ArchiveFixture.T0.plus(Duration.ofMinutes(30)))).contains(Phase.INFUSION);
            assertThat(h.minutesSinceInfusionStart(ArchiveFixture.T0.plus(Duration.ofMinutes(25)))).contains(15.0);
            assertThat(h.baseline().nibp()).isEqualTo("121/76");
            assertThat(h.end()).isEqualTo(ArchiveFixture.T0.plus(Duration.ofMinutes(80)));
            assertThat(h.endReason()).isEqualTo("closed");
            assertThat(h.dischargedAt()).isEqualTo(h.end());
            assertThat(h.devices()).extracting(RecordedDevice::label).containsExactly("Monitor");
        }
    }

    @Test
    void aCorrectionTravelsWithTheEventItCorrectsAndTheOriginalStays() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            long id = ArchiveFixture.session(db, ArchiveFixture.patient(db, "M1", "Doe, Jane"), "chair1", ArchiveFixture.T0, 80);
            List<ArchivedEvent> events = new SessionArchive(db).events(id);
            ArchivedEvent nausea = events.stream().filter(e -> e.event().type() == SessionEventType.EVENT).findFirst()
                    .orElseThrow();
            assertThat(nausea.event().get("detail")).isEqualTo("mild");
            assertThat(nausea.corrected()).isTrue();
            assertThat(nausea.effectiveDetail()).containsEntry("detail", "moderate").doesNotContainKey("reason");
            assertThat(events).noneMatch(e -> e.event().type() == SessionEventType.CORRECTION);
        }
    }

    @Test
    void readingsStreamInTimeOrderAndAlarmPeriodsComeFromTheLog() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            long id = ArchiveFixture.session(db, ArchiveFixture.patient(db, "M1", "Doe, Jane"), "chair1", ArchiveFixture.T0, 20);
            SessionArchive archive = new SessionArchive(db);
            List<Reading> got = new ArrayList<>();
            archive.forEachReading(id, ArchiveFixture.T0, ArchiveFixture.T0.plusSeconds(10), Set.of(Vital.HR, Vital.SPO2),
                    got::add);
            assertThat(got).hasSize(20);
            assertThat(got).isSortedAccordingTo(java.util.Comparator.comparing(Reading::time));
            List<AlarmPeriod> periods = AlarmPeriod.of(archive.alarmLog(id), null);
            assertThat(periods).hasSize(1);
            assertThat(periods.get(0).priority()).isEqualTo(Priority.HIGH);
            assertThat(Duration.between(periods.get(0).from(), periods.get(0).to())).isEqualTo(Duration.ofSeconds(3));
            assertThat(archive.cuffs(id)).hasSize(4);
        }
    }

    @Test
    void aOneSampleDesaturationInEightHoursSurvivesTheOverviewAndAZoomedWindow() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            int minutes = 8 * 60;
            long id = ArchiveFixture.session(db, ArchiveFixture.patient(db, "M1", "Doe, Jane"), "chair1", ArchiveFixture.T0,
                    minutes);
            TraceLoader loader = new TraceLoader(new SessionArchive(db));
            Instant end = ArchiveFixture.T0.plus(Duration.ofMinutes(minutes));
            // the overview (computed in the database): 28,800 samples into 800 columns
            Map<Vital, Trace> overview = loader.vitals(id, ArchiveFixture.T0, end, Set.of(Vital.SPO2, Vital.HR), 800);
            assertThat(overview.get(Vital.SPO2).range()[0]).isEqualTo(ArchiveFixture.SPIKE_SPO2);
            assertThat(overview.get(Vital.HR).range()[1]).isEqualTo(ArchiveFixture.SPIKE_HR);
            assertThat(overview.get(Vital.SPO2).size()).isLessThanOrEqualTo(4 * 800);
            // a window of 10 minutes around it (streamed)
            Instant spike = ArchiveFixture.spikeAt(ArchiveFixture.T0, minutes);
            Map<Vital, Trace> window = loader.vitals(id, spike.minusSeconds(300), spike.plusSeconds(300),
                    Set.of(Vital.SPO2), 1_000);
            Trace t = window.get(Vital.SPO2);
            assertThat(t.range()[0]).isEqualTo(ArchiveFixture.SPIKE_SPO2);
            assertThat(t.value(t.indexAtOrBefore(spike.toEpochMilli()))).isEqualTo(ArchiveFixture.SPIKE_SPO2);
        }
    }

    @Test
    void theListFiltersByPatientPhaseAndHighAlarm() {
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            long a = ArchiveFixture.session(db, ArchiveFixture.patient(db, "M1", "Doe, Jane"), "chair1", ArchiveFixture.T0, 60);
            long b = ArchiveFixture.session(db, ArchiveFixture.patient(db, "M2", "Berg, Ada"), "chair2",
                    ArchiveFixture.T0.plus(Duration.ofDays(1)), 60);
            SessionArchive archive = new SessionArchive(db);
            assertThat(archive.list(SessionFilter.all())).extracting(SessionRow::id).containsExactly(b, a);
            assertThat(archive.list(SessionFilter.all().withPatient("berg"))).extracting(SessionRow::id).containsExactly(b);
            assertThat(archive.list(SessionFilter.all().withPatient("m1"))).extracting(SessionRow::id).containsExactly(a);
            assertThat(archive.list(SessionFilter.all().withPhaseReached(Phase.DISCHARGED))).hasSize(2);
            assertThat(archive.list(SessionFilter.all().withHighAlarm(true))).hasSize(2);
            SessionRow row = archive.list(SessionFilter.all().withPatient("berg")).get(0);
            assertThat(row.minSpo2()).isEqualTo(ArchiveFixture.SPIKE_SPO2);
            assertThat(row.alarmsHigh()).isEqualTo(1);
            assertThat(row.patientName()).isEqualTo("Berg, Ada");
            assertThat(archive.sessionsOfPatient(row.patientId())).containsExactly(b);
        }
    }
}
