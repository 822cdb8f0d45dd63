package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.Priority;
import org.vigil.domain.Vital;

/** One chair's overview card: initials, phase timer, numerics, the worst alarm and its flash, the next cuff due. */
class ChairSummaryModelTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private final FakeClinic clinic = new FakeClinic(feed);
    private final ChairViewModel chair = new ChairViewModel(feed, () -> org.vigil.testsupport.TestActors.nurse("Ana"), ZoneOffset.UTC);
    private final SessionPanelModel session = new SessionPanelModel(feed, () -> org.vigil.testsupport.TestActors.nurse("Ana"), ZoneOffset.UTC, Runnable::run);
    private final ChairSummaryModel m = new ChairSummaryModel(feed, chair, session);

    private void frame(long nanos) {
        chair.onFrame(nanos);
        session.update(feed.now());
        m.update(nanos);
    }

    @Test
    void aFreeChairShowsItsNumericsAndNoPatient() {
        feed.push(1, Vital.HR, 71).push(1, Vital.SPO2, 98);
        feed.at(2);
        frame(0);
        assertEquals("Chair 1", m.labelProperty().get());
        assertEquals("", m.initialsProperty().get());
        assertEquals("Free", m.phaseProperty().get());
        assertEquals("71", m.heartProperty().get());
        assertEquals("98", m.spo2Property().get());
        assertEquals(Formats.DASHES + "/" + Formats.DASHES, m.nibpProperty().get());
        assertNull(m.alarmProperty().get());
        assertEquals("", m.alarmTextProperty().get());
    }

    @Test
    void inSessionTheCardShowsInitialsPhaseTimerAndTheNextCuffTurningOverdue() {
        clinic.checkIn(SessionPanelModelTest.DOE, SessionPanelModelTest.ORDER, false, org.vigil.testsupport.TestActors.nurse("Ana"));
        clinic.cuff(60, 122, 78);
        clinic.cuff(120, 118, 80);
        feed.at(130);
        session.captureBaseline();
        session.startInfusion();
        feed.at(130 + 4 * 60 + 30);
        frame(0);
        assertEquals("JD", m.initialsProperty().get());
        assertEquals("Infusion  4:30", m.phaseProperty().get());
        assertEquals("118/80", m.nibpProperty().get(), "the latest cuff reading");
        assertEquals("Next BP in 0:30", m.nextCuffProperty().get());
        assertFalse(m.cuffOverdueProperty().get());
        feed.at(130 + 6 * 60);
        frame(0);
        assertEquals("BP overdue 1:00", m.nextCuffProperty().get());
        assertTrue(m.cuffOverdueProperty().get());
    }

    @Test
    void theWorstAlarmIsTheHighestPriorityAndFlashesAtItsRate() {
        feed.alarms(FakeChairFeed.alarm("nibp_sys.high", Priority.MEDIUM, "nibp_sys", 166.0, 160.0, "NIBP sys 166 > 160",
                        FakeChairFeed.START.plusSeconds(5)),
                FakeChairFeed.alarm("spo2.desat", Priority.HIGH, "spo2", 82.0, 85.0, "SpO2 82 < 85", FakeChairFeed.START),
                FakeChairFeed.alarm("hr.high", Priority.MEDIUM, "hr", 125.0, 120.0, "HR 125 > 120",
                        FakeChairFeed.START.plusSeconds(9)));
        frame(0);
        assertEquals(Priority.HIGH, m.alarmProperty().get());
        assertEquals("HIGH  SpO2 82 < 85  (+2)", m.alarmTextProperty().get());
        assertTrue(m.flashOnProperty().get());
        frame(Flash.HIGH_PERIOD_NANOS / 2 + 1);
        assertFalse(m.flashOnProperty().get(), "high priority flashes at 2 Hz, as on the chair screen");

        feed.alarms(FakeChairFeed.alarm("nibp_sys.high", Priority.MEDIUM, "nibp_sys", 166.0, 160.0, "NIBP sys 166 > 160",
                        FakeChairFeed.START.plusSeconds(5)),
                FakeChairFeed.alarm("hr.high", Priority.MEDIUM, "hr", 125.0, 120.0, "HR 125 > 120",
                        FakeChairFeed.START.plusSeconds(9)));
        frame(0);
        assertEquals("MEDIUM  HR 125 > 120  (+1)", m.alarmTextProperty().get(), "among equals, the newest");
    }
}
