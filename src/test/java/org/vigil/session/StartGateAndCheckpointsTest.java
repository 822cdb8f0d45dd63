package org.vigil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.session.SessionFixture.at;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;

/** The start gate (baseline above 140/90 needs a prescriber) and the three BP checkpoints. */
class StartGateAndCheckpointsTest {

    @Test
    void noStartBeforeTheBaseline() {
        SessionFixture f = new SessionFixture();
        ActionResult r = f.session.startInfusion(at(1), "nurse");
        assertEquals("no baseline yet: capture it from two cuff readings or type it in", r.reasonText());
        assertEquals("start_refused no baseline yet: capture it from two cuff readings or type it in",
                f.log().get(f.log().size() - 1));
        assertEquals(Phase.BASELINE, f.session.phase());
    }

    @ParameterizedTest(name = "baseline {0}/{1}: gate closed {2}")
    @CsvSource({
        "150, 94, true",
        "141, 80, true",
        "130, 91, true",
        "140, 90, false",
        "124, 78, false",
    })
    void theGateClosesAboveTheClinicsPressures(double sys, double dia, boolean closed) {
        SessionFixture f = new SessionFixture().baseline(2, sys, dia);
        assertEquals(closed, f.session.gateClosed());
        assertEquals(closed, f.session.view().gateClosed());
        assertEquals(!closed, f.session.startInfusion(at(3), "nurse").done());
    }

    @Test
    void aHighBaselineBlocksTheStartUntilAPrescriberConfirms() {
        SessionFixture f = new SessionFixture().cuff(0, 148, 92).cuff(1, 152, 96).baseline(2, 150, 94);
        ActionResult refused = f.session.startInfusion(at(3), "nurse");
        assertFalse(refused.done());
        RecordedEvent r = f.last();
        assertEquals(SessionEventType.START_REFUSED, r.type());
        assertEquals("start gate: baseline 150/94 above 140/90; a prescriber must confirm", SessionLogText.of(r));
        assertEquals(Phase.BASELINE, f.session.phase());

        assertEquals("the confirmation needs the prescriber's name",
                f.session.confirmStart(" ", "proceed", at(4)).reasonText());
        SessionFixture.expectDone(f.session.confirmStart("Dr Rivera", "reviewed, proceed", at(4)));
        RecordedEvent c = f.last();
        assertEquals(SessionEventType.START_CONFIRMED, c.type());
        assertEquals("Dr Rivera", c.user());
        assertEquals(at(4), c.time());
        assertEquals("Dr Rivera", c.get("by"));
        assertEquals("reviewed, proceed", c.get("note"));
        assertEquals("Dr Rivera: reviewed, proceed", SessionLogText.of(c));
        assertFalse(f.session.gateClosed());
        assertEquals("Dr Rivera", f.session.view().startConfirmedBy());

        SessionFixture.expectDone(f.session.startInfusion(at(5), "nurse"));
        assertEquals(Phase.INFUSION, f.session.phase());
    }

    @Test
    void cuffReadingsTakenBeforeTheCheckInCountForThePreDoseCheckpoint() {
        SessionFixture f = new SessionFixture();
        f.session.priorCuffs(List.of(new CuffReading(at(-6), "mon", 130, 84, Double.NaN),
                new CuffReading(at(-2), "mon", 128, 82, Double.NaN)));
        f.baseline(1, 129, 83);
        SessionFixture.expectDone(f.session.startInfusion(at(3), "nurse"));
        List<RecordedEvent> cp = f.of(SessionEventType.CHECKPOINT);
        assertEquals(List.of("pre_dose nibp=128/82"), cp.stream().map(SessionLogText::of).toList());
        assertEquals(at(-2).toString(), cp.get(0).get("at"));
    }

    @Test
    void thePreDoseCheckpointIsTheLastCuffReadingAtTheStart() {
        SessionFixture f = new SessionFixture().running();
        List<RecordedEvent> cp = f.of(SessionEventType.CHECKPOINT);
        assertEquals(1, cp.size());
        assertEquals("pre_dose nibp=126/80", SessionLogText.of(cp.get(0)));
        assertEquals(at(1).toString(), cp.get(0).get("at"));
        assertEquals(at(5), cp.get(0).time());
    }

    @Test
    void thePost40MinuteCheckpointIsTheCuffReadingNearestStartPlus40() {
        // start at 5 min: the target is 45 min; readings at 43 and 48 min, 43 is nearer
        SessionFixture f = new SessionFixture().running();
        f.cuff(37, 140, 88);
        assertEquals(1, f.of(SessionEventType.CHECKPOINT).size(), "no post-dose checkpoint before the target");
        f.cuff(43, 150, 92).cuff(48, 146, 90).cuff(53, 130, 82);
        List<RecordedEvent> cp = f.of(SessionEventType.CHECKPOINT);
        assertEquals(2, cp.size(), "labelled once");
        assertEquals("post_40min nibp=150/92", SessionLogText.of(cp.get(1)));
        assertEquals(at(43).toString(), cp.get(1).get("at"));
        assertEquals(at(48), cp.get(1).time(), "labelled when the first reading past the target came");
    }

    @Test
    void aReadingAfterTheTargetIsTakenWhenItIsTheNearer() {
        SessionFixture f = new SessionFixture().running();
        f.cuff(39, 140, 88).cuff(46, 152, 94);
        assertEquals("post_40min nibp=152/94", SessionLogText.of(f.of(SessionEventType.CHECKPOINT).get(1)));
    }

    @Test
    void thePreDischargeCheckpointIsTheLastReadingAndThePostDoseOneIsFilledInIfItWasNeverReached() {
        // a short 20-min infusion: stopped at 25 min; discharge at 40 min, before start + 40 = 45 min
        SessionFixture f = new SessionFixture().running();
        f.cuff(20, 130, 82);
        SessionFixture.expectDone(f.session.stopInfusion(at(25), "nurse"));
        f.cuff(35, 128, 80).vitals(36, 97, 70);
        SessionFixture.expectDone(f.session.score(10, null, null, null, at(38), "nurse"));
        SessionFixture.expectDone(f.session.discharge(true, at(40), "nurse"));
        assertEquals(List.of("pre_dose nibp=126/80", "post_40min nibp=128/80", "pre_discharge nibp=128/80"),
                f.of(SessionEventType.CHECKPOINT).stream().map(SessionLogText::of).toList());
        assertTrue(f.of(SessionEventType.CHECKPOINT).stream().allMatch(e -> e.user() == null), "labelled by the station");
    }
}
