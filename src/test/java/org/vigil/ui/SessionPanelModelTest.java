package org.vigil.ui;

import org.vigil.testsupport.TestActors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.session.ClinicalEventKind;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;

/** The session strip and panel's state, on the fake clock, with a real clinical session behind the feed. */
class SessionPanelModelTest {

    static final Patient DOE = new Patient(7, "100234", "Doe, Jane", LocalDate.of(1980, 5, 2), 82.0, "penicillin");
    static final InfusionOrder ORDER = new InfusionOrder(82, 0.5, 10, 40, "Dr Grey");

    private final FakeChairFeed feed = new FakeChairFeed();
    private final FakeClinic clinic = new FakeClinic(feed);
    private org.vigil.domain.Actor acting = org.vigil.testsupport.TestActors.nurse("Ana");
    private final SessionPanelModel m = new SessionPanelModel(feed, () -> acting, ZoneOffset.UTC, Runnable::run);

    private void frame() {
        m.update(feed.now());
    }

    /** Checks in at 0 s with a baseline of two cuffs ({@code sys}/{@code dia}) at 60 and 120 s. */
    private void checkedInWithBaseline(double sys, double dia) {
        clinic.checkIn(DOE, ORDER, false, TestActors.nurse("Ana"));
        clinic.cuff(60, sys, dia);
        clinic.cuff(120, sys, dia);
        feed.at(130);
        m.captureBaseline();
    }

    @Test
    void aFreeChairSaysSoAndShowsNoSession() {
        frame();
        assertTrue(m.freeProperty().get());
        assertEquals("Free \u2014 check in the next patient", m.freeTextProperty().get());
        assertEquals("", m.patientProperty().get());
    }

    @Test
    void theStripShowsWhoIsInTheChairAndThePhaseTimerFromTheInjectedClock() {
        clinic.checkIn(DOE, ORDER, false, TestActors.nurse("Ana"));
        feed.at(75);
        frame();
        assertFalse(m.freeProperty().get());
        assertEquals("Doe, Jane  \u00B7  MRN 100234", m.patientProperty().get());
        assertEquals("Allergies: penicillin", m.allergiesProperty().get());
        assertEquals("Baseline", m.phaseProperty().get());
        assertEquals("1:15", m.phaseTimerProperty().get());
        assertEquals("", m.sinceStartProperty().get());
        assertTrue(m.orderProperty().get().startsWith("41 mg (0.5 mg/kg \u00D7 82 kg), 4.1 mL over 40 min"));
    }

    @Test
    void startIsBlockedWithTheReasonUntilABaselineAndThenByTheGateUntilAPrescriberConfirms() {
        clinic.checkIn(DOE, ORDER, false, TestActors.nurse("Ana"));
        frame();
        assertFalse(m.canStartProperty().get());
        assertEquals("No baseline yet: capture it from two cuff readings or type it in", m.startBlockersProperty().get());

        clinic.cuff(60, 152, 96);
        clinic.cuff(120, 148, 94);
        feed.at(130);
        m.captureBaseline();
        frame();
        assertEquals("Baseline NIBP 150/95", m.baselineProperty().get());
        assertFalse(m.canStartProperty().get());
        assertTrue(m.gateClosedProperty().get());
        assertTrue(m.startBlockersProperty().get().contains("150/95 is above the clinic's limit; a prescriber must confirm"));

        m.startInfusion();
        assertTrue(m.error(SessionPanelModel.Section.START).get());
        assertTrue(m.message(SessionPanelModel.Section.START).get().startsWith("Refused: start gate"));

        m.confirmStart("", "");
        assertEquals("Refused: Ana (nurse) may not confirm the start gate", m.message(SessionPanelModel.Section.START).get());
        acting = org.vigil.testsupport.TestActors.prescriber("Dr Grey");
        m.confirmStart("Dr Grey", "rechecked, proceed");
        acting = org.vigil.testsupport.TestActors.nurse("Ana");
        frame();
        assertTrue(m.canStartProperty().get());
        assertFalse(m.gateClosedProperty().get());
        m.startInfusion();
        feed.at(190);
        frame();
        assertEquals("Infusion", m.phaseProperty().get());
        assertEquals("1:00 since infusion start", m.sinceStartProperty().get());
        assertTrue(m.infusingProperty().get());
        assertEquals("6.15 mL/h", m.rateProperty().get());
    }

    @Test
    void aRefusedCommandShowsEveryReasonInTheSectionWhereTheNursePressed() {
        checkedInWithBaseline(120, 80);
        m.event(ClinicalEventKind.ANTIEMETIC, " ", "");
        assertEquals("Refused: say which antiemetic and the dose", m.message(SessionPanelModel.Section.EVENTS).get());
        assertTrue(m.error(SessionPanelModel.Section.EVENTS).get());
        assertEquals("", m.message(SessionPanelModel.Section.SCORES).get(), "another section stays quiet");

        m.score("11", "x", "", "");
        assertEquals("Refused: MOAA/S 'x' is not a whole number", m.message(SessionPanelModel.Section.SCORES).get());
        m.score("11", "6", "", "");
        assertEquals("Refused: aldrete 11 outside 0-10; sedation 6 outside 0-5",
                m.message(SessionPanelModel.Section.SCORES).get());
        m.event(ClinicalEventKind.NAUSEA, "", "25:99");
        assertEquals("Refused: '25:99' is no time: type it as HH:mm, e.g. 10:05",
                m.message(SessionPanelModel.Section.EVENTS).get());
        m.changeRate("fast");
        assertEquals("Refused: the new rate 'fast' is no number (mL/h)", m.message(SessionPanelModel.Section.INFUSION).get());
    }

    @Test
    void theNextCuffReadingCountsDownAndBecomesAReminderWhenOverdue() {
        checkedInWithBaseline(120, 80);
        m.startInfusion(); // at 130 s
        feed.at(130 + 4 * 60);
        frame();
        assertEquals("Next BP in 1:00", m.nextCuffProperty().get());
        assertFalse(m.cuffOverdueProperty().get());
        assertEquals("", m.reminderProperty().get());

        feed.at(130 + 5 * 60 + 12);
        frame();
        assertEquals("BP overdue 0:12", m.nextCuffProperty().get());
        assertTrue(m.cuffOverdueProperty().get());
        assertEquals("BP overdue 0:12: take a cuff reading", m.reminderProperty().get());

        clinic.cuff(130 + 5 * 60 + 20, 128, 82);
        feed.at(130 + 5 * 60 + 21);
        frame();
        assertEquals("Next BP in 4:59", m.nextCuffProperty().get());
        assertFalse(m.cuffOverdueProperty().get());

        feed.at(130 + 15 * 60 + 1);
        frame();
        assertEquals("score overdue 0:01", m.nextScoreProperty().get());
        assertTrue(m.reminderProperty().get().contains("score overdue 0:01: enter sedation and dissociation scores"));
    }

    @Test
    void readinessNamesEveryUnmetCriterionThenSaysReadyAndDischargeFreesTheChair() {
        checkedInWithBaseline(120, 80);
        m.startInfusion();
        feed.at(130 + 40 * 60);
        m.stop();
        clinic.vitals(90.0, 70.0);
        frame();
        assertEquals("Recovery", m.phaseProperty().get());
        assertTrue(m.afterInfusionProperty().get());
        assertEquals("Not ready for discharge: no aldrete score; no BP since the infusion stopped; spo2 90 not above 92",
                m.readinessProperty().get());

        m.discharge(false, "");
        assertTrue(m.message(SessionPanelModel.Section.DISCHARGE).get().endsWith("; escort not confirmed"));

        feed.at(130 + 55 * 60);
        clinic.cuff(130 + 55 * 60, 126, 84);
        clinic.vitals(97.0, 72.0);
        m.score("9", "5", "0", "");
        frame();
        assertTrue(m.readyProperty().get());
        assertEquals("Ready for discharge", m.phaseProperty().get());
        assertEquals("Ready for discharge: Aldrete, BP and SpO2 criteria met", m.readinessProperty().get());
        assertEquals("Total monitoring time 57:10", m.monitoringProperty().get());

        feed.at(130 + 56 * 60);
        m.discharge(true, "");
        assertEquals("Discharged, signed by Ana", m.message(SessionPanelModel.Section.DISCHARGE).get());
        frame();
        assertTrue(m.freeProperty().get());
        assertEquals("Free \u2014 check in the next patient  (JD discharged at 09:58)", m.freeTextProperty().get());
        assertTrue(m.events().isEmpty());
    }

    @Test
    void aLateEventKeepsBothTimesAndACorrectionStandsBesideTheOriginal() {
        checkedInWithBaseline(120, 80);
        feed.at(20 * 60); // 09:20
        m.event(ClinicalEventKind.NAUSEA, "", "09:12");
        m.score("", "4", "2", "");
        frame();
        SessionPanelModel.EventRow nausea = m.events().stream().filter(r -> r.text().equals("Nausea")).findFirst().orElseThrow();
        assertEquals("09:12", nausea.time());
        assertEquals("written 09:20", nausea.written());
        assertEquals("Ana", nausea.who());
        assertTrue(nausea.correctable());
        SessionPanelModel.EventRow score = m.events().get(0);
        assertEquals("Scores: MOAA/S 4, dissociation 2", score.text());

        feed.at(21 * 60);
        m.correct(score, Map.of("dissociation", "1"), "misread the scale");
        frame();
        SessionPanelModel.EventRow original = m.events().get(0);
        assertEquals("Scores: MOAA/S 4, dissociation 2", original.text(), "the original stays");
        assertEquals(java.util.List.of("corrected to dissociation 1 (misread the scale) by Ana at 09:21"), original.corrections());
        assertEquals("MOAA/S 4, dissociation 1", m.scoresProperty().get(), "the latest scores follow the correction");

        m.correct(original, Map.of("dissociation", " "), "x");
        assertEquals("Refused: nothing to correct: type the corrected value", m.message(SessionPanelModel.Section.CORRECTION).get());
        m.correct(original, Map.of("dissociation", "1"), "");
        assertEquals("Refused: a correction needs a reason", m.message(SessionPanelModel.Section.CORRECTION).get());
    }

    @Test
    void theCommandsCarryTheActingUserReadAtEachPress() {
        String[] who = {"Ana"};
        SessionPanelModel model = new SessionPanelModel(feed, () -> org.vigil.testsupport.TestActors.nurse(who[0]), ZoneOffset.UTC, Runnable::run);
        clinic.checkIn(DOE, ORDER, false, TestActors.nurse("Ana"));
        who[0] = "Ben";
        model.typeBaseline("120", "80", "", "", "");
        assertEquals("typeBaseline by Ben", clinic.commands.get(clinic.commands.size() - 1));
        model.update(feed.now());
        assertEquals("Baseline NIBP 120/80", model.baselineProperty().get());
    }
}
