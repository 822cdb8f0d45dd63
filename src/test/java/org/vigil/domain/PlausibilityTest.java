package org.vigil.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlausibilityTest {

    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    @ParameterizedTest(name = "{0} {1} plausible: {2}")
    @CsvSource({
            // the values the fuzz runs and glitches produced
            "HR, 999, false", "HR, 999999, false", "HR, -5, false", "PR, 999, false", "SPO2, 250, false",
            "SPO2, -5, false", "SPO2, 0, false", "SPO2, 97.5, false", "PI, 999.99, false", "PI, 0, false",
            // the edges of every range, and real values of sick patients
            "HR, 15, true", "HR, 14, false", "HR, 300, true", "HR, 301, false", "HR, 38, true",
            "PR, 18, true", "PR, 321, true", "PR, 322, false",
            "SPO2, 1, true", "SPO2, 100, true", "SPO2, 101, false", "SPO2, 62, true",
            "PI, 0.02, true", "PI, 20, true", "PI, 20.01, false", "PI, 3.46, true", "PI, 3.455, false",
            "RR, 0, true", "RR, 150, true", "RR, 151, false",
            "NIBP_SYS, 30, true", "NIBP_SYS, 300, true", "NIBP_SYS, 301, false", "NIBP_SYS, 29, false",
            "NIBP_DIA, 10, true", "NIBP_DIA, 250, true", "NIBP_DIA, 251, false",
            "NIBP_MEAN, 20, true", "NIBP_MEAN, 260, true", "NIBP_MEAN, 19, false",
    })
    void eachVitalHasItsPlausibleRangeAndResolution(Vital v, double value, boolean plausible) {
        assertEquals(plausible, Plausibility.check(v, value).isEmpty(), () -> String.valueOf(Plausibility.check(v, value)));
    }

    @Test
    void theReasonNamesTheValueAndTheRule() {
        assertEquals("HR 999 outside the plausible range 15-300 /min", Plausibility.check(Vital.HR, 999).orElseThrow());
        assertTrue(Plausibility.check(Vital.HR, Double.NaN).isEmpty(), "an absent value is not implausible");
        assertFalse(Plausibility.check(Vital.HR, Double.POSITIVE_INFINITY).isEmpty());
    }

    @ParameterizedTest(name = "{0}/{1}/{2} consistent: {3}")
    @CsvSource({
            "124, 78, 93, true", "124, 78, NaN, true", "78, 124, 93, false", "120, 120, 120, false",
            "124, 78, 130, false", "124, 78, 70, false", "124, 78, 124, true", "124, 78, 78, true",
    })
    void anNibpResultMustBeSystolicAboveMeanAboveDiastolic(double sys, double dia, double mean, boolean ok) {
        assertEquals(ok, Plausibility.checkNibp(sys, dia, mean).isEmpty());
    }

    @Test
    void markFlagsEveryComponentOfAnInconsistentResultAndKeepsTheValues() {
        List<Reading> frame = List.of(r(Vital.HR, 72), r(Vital.NIBP_SYS, 80), r(Vital.NIBP_DIA, 120), r(Vital.NIBP_MEAN, 100));
        List<Reading> marked = Plausibility.mark(frame);
        assertFalse(marked.get(0).flags().contains(ReadingFlag.IMPLAUSIBLE));
        for (int i = 1; i < 4; i++) {
            assertTrue(marked.get(i).flags().contains(ReadingFlag.IMPLAUSIBLE), marked.get(i).toString());
            assertEquals(frame.get(i).value(), marked.get(i).value(), "the value is kept for the record");
            assertFalse(marked.get(i).isValid());
        }
        assertEquals("NIBP diastolic 120 not below systolic 80",
                Plausibility.reason(marked.get(2), marked).orElseThrow());
    }

    @Test
    void aPlausibleFrameIsReturnedAsItIs() {
        List<Reading> frame = List.of(r(Vital.HR, 72), r(Vital.SPO2, 97), r(Vital.SPO2, Double.NaN));
        assertSame(frame, Plausibility.mark(frame));
    }

    private static Reading r(Vital v, double value) {
        return new Reading(T, "mon", v, value, Set.of());
    }
}
