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

/**
 * Discharge readiness (clinical.md): modified Aldrete ≥ 9, systolic and diastolic within 20 % of
 * the baseline (124/78 here: 99.2-148.8 and 62.4-93.6), SpO2 above 92 %, and an escort.
 */
class DischargeReadinessTest {

    @ParameterizedTest(name = "aldrete {0}, BP {1}/{2}, SpO2 {3} → {4}")
    @CsvSource(delimiter = '|', value = {
        "10 | 124 | 78 | 98 | ",
        "9  | 148 | 93 | 93 | ",
        "9  | 100 | 63 | 93 | ",
        "8  | 124 | 78 | 98 | aldrete 8 < 9",
        "9  | 149 | 78 | 98 | sbp 149 not within 20 % of 124",
        "9  | 99  | 78 | 98 | sbp 99 not within 20 % of 124",
        "9  | 124 | 94 | 98 | dbp 94 not within 20 % of 78",
        "9  | 124 | 78 | 92 | spo2 92 not above 92",
        "8  | 168 | 98 | 90 | aldrete 8 < 9; sbp 168 not within 20 % of 124; dbp 98 not within 20 % of 78; spo2 90 not above 92",
    })
    void everyUnmetCriterionIsListed(int aldrete, double sys, double dia, double spo2, String reasons) {
        SessionFixture f = new SessionFixture().recovering();
        f.cuff(60, sys, dia).vitals(60, spo2, 70);
        SessionFixture.expectDone(f.session.score(aldrete, null, null, null, at(61), "nurse"));
        List<String> expected = reasons == null ? List.of() : List.of(reasons.split("; "));
        assertEquals(expected, f.session.dischargeBlockers(at(61)));
        assertEquals(expected, f.session.view().readiness());
        assertEquals(expected.isEmpty() ? Phase.READY_FOR_DISCHARGE : Phase.RECOVERY, f.session.phase());
    }

    @Test
    void beforeAnyScoreOrReadingSinceTheStopTheMissingOnesAreListed() {
        SessionFixture f = new SessionFixture().running();
        f.cuff(40, 124, 78);
        SessionFixture.expectDone(f.session.stopInfusion(at(45), "nurse"));
        assertEquals(List.of("no aldrete score", "no BP since the infusion stopped"), f.session.dischargeBlockers(at(46)));
    }

    @Test
    void aDischargeRefusedForBloodPressureIsAccepted15MinutesLater() {
        SessionFixture f = new SessionFixture().recovering();
        f.cuff(60, 168, 96).vitals(60, 97, 80);
        SessionFixture.expectDone(f.session.score(9, null, null, null, at(61), "nurse"));
        ActionResult refused = f.session.discharge(true, at(62), "nurse");
        assertFalse(refused.done());
        RecordedEvent r = f.last();
        assertEquals(SessionEventType.DISCHARGE_REFUSED, r.type());
        assertEquals("sbp 168 not within 20 % of 124; dbp 96 not within 20 % of 78", SessionLogText.of(r));
        assertEquals(Phase.RECOVERY, f.session.phase());

        f.cuff(75, 134, 84);
        assertEquals(Phase.READY_FOR_DISCHARGE, f.session.phase(), "ready as soon as the reading came");
        SessionFixture.expectDone(f.session.discharge(true, at(77), "nurse"));
        assertEquals(Phase.DISCHARGED, f.session.phase());
        assertEquals("pre_discharge nibp=134/84",
                SessionLogText.of(f.of(SessionEventType.CHECKPOINT).get(f.of(SessionEventType.CHECKPOINT).size() - 1)));
    }

    @Test
    void noEscortNoDischargeEvenWhenReady() {
        SessionFixture f = new SessionFixture().recovering();
        f.cuff(60, 124, 78).vitals(60, 98, 70);
        SessionFixture.expectDone(f.session.score(10, null, null, null, at(61), "nurse"));
        assertEquals(Phase.READY_FOR_DISCHARGE, f.session.phase());
        assertEquals("escort not confirmed", f.session.discharge(false, at(62), "nurse").reasonText());
        assertEquals("discharge_refused escort not confirmed", f.log().get(f.log().size() - 1));
        assertEquals(Phase.READY_FOR_DISCHARGE, f.session.phase());
    }

    @Test
    void readinessIsLostWhenACriterionFailsAgain() {
        SessionFixture f = new SessionFixture().recovering();
        f.cuff(60, 124, 78).vitals(60, 98, 70);
        SessionFixture.expectDone(f.session.score(10, null, null, null, at(61), "nurse"));
        assertEquals(Phase.READY_FOR_DISCHARGE, f.session.phase());
        f.vitals(65, 90, 70);
        assertEquals(Phase.RECOVERY, f.session.phase());
        assertEquals(List.of("spo2 90 not above 92"), f.session.view().readiness());
        assertEquals(List.of("baseline", "infusion", "recovery", "ready_for_discharge", "recovery"), f.phases());
    }

    @Test
    void noDischargeWhileTheInfusionRunsOrBeforeIt() {
        SessionFixture before = new SessionFixture();
        assertEquals("the infusion has not run; escort not confirmed",
                before.session.discharge(false, at(1), "nurse").reasonText());
        SessionFixture running = new SessionFixture().running();
        assertEquals("the infusion has not stopped", running.session.discharge(true, at(20), "nurse").reasonText());
        assertTrue(running.log().get(running.log().size() - 1).startsWith("discharge_refused"));
    }
}
