package org.vigil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.session.SessionFixture.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;

/** Check-in, the phases baseline → infusion → recovery → ready for discharge → discharged, and what each allows. */
class CheckInAndPhasesTest {

    @Test
    void checkInRecordsThePatientTheDoseAndThePhase() {
        SessionFixture f = new SessionFixture();
        assertEquals(List.of("check_in mrn=MRN-1 weight_kg=82", "dose total_mg=41 volume_ml=4.1 rate_ml_h=6.15",
                "phase baseline"), f.log());
        assertEquals(Phase.BASELINE, f.session.phase());
        assertEquals(List.of(1L, 2L, 3L), f.events.stream().map(RecordedEvent::seq).toList());
        assertEquals("nurse", f.events.get(0).user());
    }

    @Test
    void aRefusedOrderChecksNobodyInAndRecordsNothing() {
        List<RecordedEvent> events = new ArrayList<>();
        ClinicalSession.CheckIn in = ClinicalSession.checkIn(SessionFixture.PATIENT, new InfusionOrder(82, 1.5, 10, 40,
                "Dr Rivera"), true, SessionRules.DEFAULTS, SessionFixture.T0, "nurse", events::add);
        assertNull(in.session());
        assertEquals(List.of("dose 1.5 mg/kg outside 0.1-1 mg/kg"), in.result().reasons());
        assertTrue(events.isEmpty());
    }

    @Test
    void aDoseAboveTheUsualRangeNeedsAConfirmationThatIsRecorded() {
        InfusionOrder high = new InfusionOrder(82, 0.9, 10, 40, "Dr Rivera");
        List<RecordedEvent> events = new ArrayList<>();
        ClinicalSession.CheckIn refused = ClinicalSession.checkIn(SessionFixture.PATIENT, high, false,
                SessionRules.DEFAULTS, SessionFixture.T0, "nurse", events::add);
        assertNull(refused.session());
        assertEquals(List.of("dose 0.9 mg/kg is above the usual 0.75 mg/kg: confirm it to go on"), refused.result().reasons());
        assertTrue(events.isEmpty());

        SessionFixture f = new SessionFixture(high, true);
        RecordedEvent confirmed = f.of(SessionEventType.DOSE_CONFIRMED).get(0);
        assertEquals(Map.of("dose_mg_kg", "0.9", "usual_max", "0.75"), confirmed.detail());
        assertEquals("nurse", confirmed.user());
        assertEquals(List.of("check_in", "dose", "dose_confirmed", "phase"),
                f.events.stream().map(e -> e.type().key()).toList());
    }

    @Test
    void aWholeSessionGoesThroughEveryPhaseInOrder() {
        SessionFixture f = new SessionFixture().recovering();
        f.vitals(50, 97, 70).cuff(60, 126, 80);
        SessionFixture.expectDone(f.session.score(9, 5, 0, null, at(61), "nurse"));
        SessionFixture.expectDone(f.session.discharge(true, at(62), "nurse"));
        assertEquals(List.of("baseline", "infusion", "recovery", "ready_for_discharge", "discharged"), f.phases());
        assertEquals(Phase.DISCHARGED, f.session.phase());
        RecordedEvent out = f.of(SessionEventType.DISCHARGED).get(0);
        assertEquals("62", out.get("monitoring_min"));
        assertEquals("yes", out.get("escort"));
        assertEquals("nurse", out.get("by"));
    }

    /** One command, and whether each phase allows it. */
    record Command(String name, Function<SessionFixture, ActionResult> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Command CAPTURE = new Command("capture baseline",
            f -> f.session.captureBaseline(120, 80, 70.0, 98.0, null, "typed", at(100), "nurse"));
    private static final Command PAUSE = new Command("pause", f -> f.session.pauseInfusion(at(100), "nurse"));
    private static final Command RESUME = new Command("resume", f -> f.session.resumeInfusion(at(100), "nurse"));
    private static final Command RATE = new Command("rate change", f -> f.session.changeRate(5, at(100), "nurse"));
    private static final Command STOP = new Command("stop", f -> f.session.stopInfusion(at(100), "nurse"));
    private static final Command CONFIRM = new Command("confirm start",
            f -> f.session.confirmStart("Dr Rivera", "ok", at(100)));
    private static final Command EVENT = new Command("event",
            f -> f.session.event(ClinicalEventKind.NAUSEA, null, null, at(100), "nurse"));
    private static final Command SCORE = new Command("score", f -> f.session.score(null, 4, 1, null, at(100), "nurse"));

    /** Each phase reached the way a nurse reaches it. */
    private static SessionFixture in(Phase p) {
        SessionFixture f = new SessionFixture();
        switch (p) {
            case BASELINE -> { }
            case INFUSION -> f.running();
            case RECOVERY -> f.recovering();
            case READY_FOR_DISCHARGE -> {
                f.recovering().vitals(50, 97, 70).cuff(60, 124, 78);
                SessionFixture.expectDone(f.session.score(10, null, null, null, at(60), "nurse"));
            }
            case DISCHARGED -> {
                f.recovering().vitals(50, 97, 70).cuff(60, 124, 78);
                SessionFixture.expectDone(f.session.score(10, null, null, null, at(60), "nurse"));
                SessionFixture.expectDone(f.session.discharge(true, at(61), "nurse"));
            }
        }
        assertEquals(p, f.session.phase());
        return f;
    }

    static Stream<Arguments> whatEachPhaseAllows() {
        return Stream.of(
                Arguments.of(Phase.BASELINE, List.of(CAPTURE, CONFIRM, EVENT, SCORE), List.of(PAUSE, RESUME, RATE, STOP)),
                Arguments.of(Phase.INFUSION, List.of(PAUSE, RATE, STOP, EVENT, SCORE), List.of(CAPTURE, RESUME, CONFIRM)),
                Arguments.of(Phase.RECOVERY, List.of(EVENT, SCORE), List.of(CAPTURE, PAUSE, RESUME, RATE, STOP, CONFIRM)),
                Arguments.of(Phase.READY_FOR_DISCHARGE, List.of(EVENT, SCORE),
                        List.of(CAPTURE, PAUSE, RESUME, RATE, STOP, CONFIRM)),
                Arguments.of(Phase.DISCHARGED, List.of(),
                        List.of(CAPTURE, PAUSE, RESUME, RATE, STOP, CONFIRM, EVENT, SCORE)));
    }

    @ParameterizedTest(name = "{0}: allows {1}, refuses {2}")
    @MethodSource
    void whatEachPhaseAllows(Phase phase, List<Command> allowed, List<Command> refused) {
        for (Command c : allowed) {
            SessionFixture f = in(phase);
            ActionResult r = c.run().apply(f);
            assertTrue(r.done(), () -> phase + " should allow " + c + ": " + r.reasonText());
        }
        for (Command c : refused) {
            SessionFixture f = in(phase);
            int before = f.events.size();
            ActionResult r = c.run().apply(f);
            assertFalse(r.done(), () -> phase + " should refuse " + c);
            assertFalse(r.reasons().isEmpty(), () -> c + " refused without a reason");
            assertEquals(before, f.events.size(), () -> c + " refused in " + phase + " but recorded something");
            assertEquals(phase, f.session.phase());
        }
    }

    @Test
    void pauseAndResumeKeepThePhaseAndAreRecorded() {
        SessionFixture f = new SessionFixture().running();
        SessionFixture.expectDone(f.session.pauseInfusion(at(20), "nurse"));
        assertTrue(f.session.view().paused());
        assertEquals("the infusion is already paused", f.session.pauseInfusion(at(21), "nurse").reasonText());
        SessionFixture.expectDone(f.session.resumeInfusion(at(25), "nurse"));
        assertFalse(f.session.view().paused());
        assertEquals(Phase.INFUSION, f.session.phase());
        assertEquals(List.of("start rate_ml_h=6.15", "pause", "resume"),
                f.of(SessionEventType.INFUSION).stream().map(SessionLogText::of).toList());
    }

    @Test
    void aRateChangeOutsideThePumpRangeIsRefusedAndAnAcceptedOneIsRecordedWithTheOldRate() {
        SessionFixture f = new SessionFixture().running();
        assertEquals("pump rate 1000 mL/h outside 0.1-999 mL/h", f.session.changeRate(1000, at(10), "nurse").reasonText());
        SessionFixture.expectDone(f.session.changeRate(5, at(10), "nurse"));
        RecordedEvent e = f.last();
        assertEquals(Map.of("action", "rate_change", "rate_ml_h", "5", "old_rate_ml_h", "6.15"), e.detail());
        assertEquals(5, f.session.view().rateMlPerH(), 1e-9);
    }

    @Test
    void startingTwiceIsRefusedAndRecordedAsARefusal() {
        SessionFixture f = new SessionFixture().running();
        assertEquals("the infusion already started", f.session.startInfusion(at(6), "nurse").reasonText());
        assertEquals("start_refused the infusion already started", f.log().get(f.log().size() - 1));
        assertEquals(Phase.INFUSION, f.session.phase());
    }

    @Test
    void anEventThatNeedsADetailIsRefusedWithout() {
        SessionFixture f = new SessionFixture().running();
        assertEquals("say which antiemetic and the dose",
                f.session.event(ClinicalEventKind.ANTIEMETIC, " ", null, at(20), "nurse").reasonText());
        assertEquals("describe the event", f.session.event(ClinicalEventKind.OTHER, null, null, at(20), "nurse").reasonText());
        SessionFixture.expectDone(f.session.event(ClinicalEventKind.ANTIEMETIC, "ondansetron 4 mg IV", null, at(20), "nurse"));
        assertEquals("event antiemetic: ondansetron 4 mg IV", f.log().get(f.log().size() - 1));
    }

    @Test
    void aScoreOutsideItsScaleIsRefused() {
        SessionFixture f = new SessionFixture().running();
        assertEquals(List.of("aldrete 11 outside 0-10", "sedation 6 outside 0-5"),
                f.session.score(11, 6, 2, null, at(20), "nurse").reasons());
        assertEquals("no score given", f.session.score(null, null, null, null, at(20), "nurse").reasonText());
        SessionFixture.expectDone(f.session.score(null, 4, 2, null, at(20), "nurse"));
        assertEquals(Map.of("sedation", 4, "dissociation", 2), f.session.view().scores());
    }
}
