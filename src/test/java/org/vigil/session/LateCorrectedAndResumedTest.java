package org.vigil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.session.SessionFixture.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;

/** Events entered late keep both times; corrections never overwrite; a resumed session is the same session. */
class LateCorrectedAndResumedTest {

    @Test
    void anEventEnteredLateKeepsWhenItHappenedAndWhenItWasWritten() {
        SessionFixture f = new SessionFixture().running();
        SessionFixture.expectDone(f.session.event(ClinicalEventKind.VOMITING, null, at(12), at(20), "nurse"));
        RecordedEvent e = f.last();
        assertEquals(at(12), e.time());
        assertEquals(at(20), e.recordedAt());
        assertTrue(e.late());
        RecordedEvent onTime = f.of(SessionEventType.INFUSION).get(0);
        assertFalse(onTime.late());
        assertEquals("vomiting (entered 8m later)", SessionLogText.of(e), "the log says when it was entered");
        assertEquals("start rate_ml_h=6.15", SessionLogText.of(onTime));
    }

    @Test
    void aLateEventCannotBeInTheFutureOrBeforeTheCheckIn() {
        SessionFixture f = new SessionFixture().running();
        assertEquals(List.of("the time " + at(25) + " is in the future"),
                f.session.event(ClinicalEventKind.HEADACHE, null, at(25), at(20), "nurse").reasons());
        assertEquals(List.of("the time is before the check-in"),
                f.session.event(ClinicalEventKind.HEADACHE, null, at(-1), at(20), "nurse").reasons());
    }

    @Test
    void aCorrectionPointsAtTheOriginalAndNeverOverwritesIt() {
        SessionFixture f = new SessionFixture().running();
        SessionFixture.expectDone(f.session.event(ClinicalEventKind.NAUSEA, "mild", null, at(15), "nurse"));
        RecordedEvent original = f.last();
        SessionFixture.expectDone(f.session.correct(original.seq(), Map.of("kind", "vomiting"), "was vomiting, not nausea",
                at(18), "charge nurse"));
        RecordedEvent c = f.last();
        assertEquals(SessionEventType.CORRECTION, c.type());
        assertEquals(original.seq(), c.corrects());
        assertEquals(original.time(), c.time());
        assertEquals(at(18), c.recordedAt());
        assertEquals("charge nurse", c.user());
        assertEquals(Long.toString(original.seq()), c.get("corrects"));
        assertEquals("vomiting", c.get("kind"));
        assertTrue(f.events.contains(original), "the original stays");
        assertEquals("nausea", f.events.stream().filter(e -> e.seq() == original.seq()).findFirst().orElseThrow().get("kind"));
    }

    @Test
    void onlyClinicalEventsScoresAndNotesCanBeCorrectedAndEachNeedsAReason() {
        SessionFixture f = new SessionFixture().running();
        long dose = f.of(SessionEventType.DOSE).get(0).seq();
        assertEquals("a dose event cannot be corrected", f.session.correct(dose, Map.of("total_mg", "40"), "typo", at(10),
                "nurse").reasonText());
        assertEquals("no event 999 in this session", f.session.correct(999, Map.of(), "x", at(10), "nurse").reasonText());
        SessionFixture.expectDone(f.session.score(null, 4, null, null, at(10), "nurse"));
        long score = f.last().seq();
        assertEquals("a correction needs a reason", f.session.correct(score, Map.of("sedation", "3"), " ", at(11),
                "nurse").reasonText());
        assertEquals("sedation 7 outside 0-5", f.session.correct(score, Map.of("sedation", "7"), "typo", at(11),
                "nurse").reasonText());
        assertEquals("sedation 'x' is not a whole number", f.session.correct(score, Map.of("sedation", "x"), "typo",
                at(11), "nurse").reasonText());
        assertEquals("unknown score 'mood' (expected one of aldrete, sedation, dissociation)",
                f.session.correct(score, Map.of("mood", "3"), "typo", at(11), "nurse").reasonText());
    }

    @Test
    void aCorrectedAldreteChangesReadiness() {
        SessionFixture f = new SessionFixture().recovering();
        f.cuff(60, 124, 78).vitals(60, 98, 70);
        SessionFixture.expectDone(f.session.score(10, null, null, null, at(61), "nurse"));
        long scored = f.of(SessionEventType.SCORE).get(0).seq();
        assertEquals(Phase.READY_FOR_DISCHARGE, f.session.phase());

        SessionFixture.expectDone(f.session.correct(scored, Map.of("aldrete", "8"), "miscounted activity", at(63), "nurse"));
        assertEquals(Phase.RECOVERY, f.session.phase());
        assertEquals(List.of("aldrete 8 < 9"), f.session.view().readiness());
        assertEquals(8, f.session.view().scores().get("aldrete"));
        assertEquals("aldrete 8 < 9; escort not confirmed", f.session.discharge(false, at(64), "nurse").reasonText());

        SessionFixture.expectDone(f.session.score(9, null, null, null, at(70), "nurse"));
        assertEquals(Phase.READY_FOR_DISCHARGE, f.session.phase());
    }

    @Test
    void correctingAnOlderScoreDoesNotOverrideANewerOne() {
        SessionFixture f = new SessionFixture().recovering();
        f.cuff(60, 124, 78).vitals(60, 98, 70);
        SessionFixture.expectDone(f.session.score(7, null, null, null, at(50), "nurse"));
        long older = f.last().seq();
        SessionFixture.expectDone(f.session.score(10, null, null, null, at(61), "nurse"));
        SessionFixture.expectDone(f.session.correct(older, Map.of("aldrete", "6"), "typo", at(62), "nurse"));
        assertEquals(10, f.session.view().scores().get("aldrete"));
        assertEquals(Phase.READY_FOR_DISCHARGE, f.session.phase());
    }

    @Test
    void replayingTheRecordedEventsGivesTheSameStateAndTheNumberingContinues() {
        SessionFixture f = new SessionFixture().cuff(0, 150, 94).cuff(1, 150, 94).vitals(1, 98, 72).baseline(2, 150, 94);
        f.session.startInfusion(at(3), "nurse");
        SessionFixture.expectDone(f.session.confirmStart("Dr Rivera", "reviewed", at(4)));
        SessionFixture.expectDone(f.session.startInfusion(at(5), "nurse"));
        SessionFixture.expectDone(f.session.pauseInfusion(at(20), "nurse"));
        SessionFixture.expectDone(f.session.event(ClinicalEventKind.NAUSEA, null, at(19), at(21), "nurse"));
        SessionFixture.expectDone(f.session.score(null, 4, 1, null, at(22), "nurse"));
        long scored = f.last().seq();
        SessionFixture.expectDone(f.session.correct(scored, Map.of("sedation", "3"), "typo", at(23), "nurse"));

        List<RecordedEvent> after = new ArrayList<>();
        ClinicalSession resumed = ClinicalSession.resume(SessionFixture.PATIENT, SessionFixture.ORDER, SessionRules.DEFAULTS,
                List.copyOf(f.events), after::add);
        assertTrue(after.isEmpty(), "resuming emits nothing");
        SessionView a = f.session.view();
        SessionView b = resumed.view();
        assertEquals(Phase.INFUSION, b.phase());
        assertEquals(a.phase(), b.phase());
        assertEquals(a.phaseSince(), b.phaseSince());
        assertEquals(a.checkedInAt(), b.checkedInAt());
        assertEquals(a.baseline(), b.baseline());
        assertEquals(a.gateClosed(), b.gateClosed());
        assertEquals(a.startConfirmedBy(), b.startConfirmedBy());
        assertEquals(a.infusionStart(), b.infusionStart());
        assertEquals(a.paused(), b.paused());
        assertEquals(a.rateMlPerH(), b.rateMlPerH());
        assertEquals(a.scores(), b.scores());
        assertEquals(Map.of("sedation", 3, "dissociation", 1), b.scores());
        assertEquals(a.checkpoints(), b.checkpoints());
        assertEquals(a.events(), b.events());
        assertEquals(a.nextScoreDue(), b.nextScoreDue());

        long lastSeq = f.last().seq();
        SessionFixture.expectDone(resumed.resumeInfusion(at(30), "nurse"));
        assertEquals(1, after.size());
        assertEquals(lastSeq + 1, after.get(0).seq());
        assertFalse(resumed.view().paused());
    }
}
