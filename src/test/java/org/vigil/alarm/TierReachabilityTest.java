package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A lower-priority tier must keep at least one value the device can send at which it fires
 * alone. HR, RR, SpO2 and NIBP arrive as whole numbers, so "> 24" next to "≥ 25" leaves none.
 */
class TierReachabilityTest {

    private static AlarmConfig with(String id, double threshold) {
        AlarmConfig d = AlarmConfig.defaults();
        return d.withRule(d.rule(id).orElseThrow().withThreshold(threshold));
    }

    private static AlarmConfig with(String id, double threshold, String id2, double threshold2) {
        AlarmConfig c = with(id, threshold);
        return c.withRule(c.rule(id2).orElseThrow().withThreshold(threshold2));
    }

    @ParameterizedTest(name = "{0} {1} / {2} {3} -> medium alone first at {4}")
    @CsvSource({
            // medium id,   threshold, high id,        threshold, first value the medium fires alone at ('-' = never)
            "rr.high,        24,  rr.very_high,   25,   -",    // the old default: > 24 and ≥ 25 meet at 25
            "rr.high,        24,  rr.very_high,   26,   25",
            "rr.high,        24,  rr.very_high,   30,   25",   // the default now
            "rr.high,        24.5, rr.very_high,  25,   -",    // > 24.5 first fires at 25, already high
            "rr.high,        23.5, rr.very_high,  25,   24",
            "rr.low,         10,  rr.very_low,    9,    -",    // < 10 first fires at 9, already ≤ 9
            "rr.low,         10,  rr.very_low,    8,    9",    // the default
            "rr.low,         9,   rr.very_low,    8,    -",
            "hr.high,        120, hr.very_high,   121,  -",    // ≥ 121 takes 121, the first value > 120
            "hr.high,        120, hr.very_high,   122,  121",
            "hr.high,        120, hr.very_high,   120,  -",    // equal thresholds: high ≥ 120 already at 121
            "hr.low,         50,  hr.very_low,    49,   49",   // both exclusive: < 50 at 49, < 49 not yet
            "hr.low,         41,  hr.very_low,    41,   -",    // equal and exclusive: 40 is both
            "spo2.low,       90,  spo2.desat,     89,   89",
            "spo2.low,       90,  spo2.desat,     90,   -",
            "spo2.low,       90,  spo2.desat,     85,   89",
            "nibp_sys.high,  179, nibp_sys.very_high, 180, -",
            "nibp_sys.high,  160, nibp_sys.very_high, 180, 161",
            "nibp_dia.high,  90,  nibp_dia.very_high, 91,  -",
    })
    void aMediumTierIsUnreachableExactlyWhenNoWholeValueLiesBetweenTheTiers(String medium, double m, String high,
            double h, String firstAlone) {
        AlarmConfig c = with(medium, m, high, h);
        LimitRule mediumRule = c.rule(medium).orElseThrow();
        LimitRule highRule = c.rule(high).orElseThrow();
        Optional<TierOrder.Unreachable> fromMedium = TierOrder.unreachable(c, mediumRule);
        Optional<TierOrder.Unreachable> fromHigh = TierOrder.unreachable(c, highRule);
        assertEquals(fromMedium, fromHigh, "the same pair, whichever side was edited");
        assertEquals(firstAlone.equals("-"), fromMedium.isPresent(), fromMedium.map(TierOrder.Unreachable::reason)
                .orElse("reachable"));
        if (!firstAlone.equals("-")) {
            double v = Double.parseDouble(firstAlone);
            assertTrue(mediumRule.violatedBy(v, Double.NaN) && !highRule.violatedBy(v, Double.NaN),
                    "medium fires alone at " + firstAlone);
        }
    }

    @Test
    void everyDefaultMediumTierCanFireAlone() {
        AlarmConfig d = AlarmConfig.defaults();
        for (LimitRule r : d.rules()) {
            assertEquals(Optional.empty(), TierOrder.unreachable(d, r).map(TierOrder.Unreachable::reason), r.id());
        }
    }

    @Test
    void theDefaultHighRespirationLimitLeavesTwentyFiveToTwentyNineToTheMediumAlarm() {
        LimitRule high = AlarmConfig.defaults().rule("rr.very_high").orElseThrow();
        LimitRule medium = AlarmConfig.defaults().rule("rr.high").orElseThrow();
        for (int rr = 25; rr <= 29; rr++) {
            assertTrue(medium.violatedBy(rr, Double.NaN) && !high.violatedBy(rr, Double.NaN), "RR " + rr);
        }
        assertTrue(high.violatedBy(30, Double.NaN));
    }

    @Test
    void theReasonNamesBothTiersAndTheWholeNumberWhereTheyMeet() {
        AlarmConfig c = with("rr.very_high", 25);
        assertEquals("rr.high > 24 can never fire alone: 25 is already high-priority (rr.very_high \u2265 25)",
                TierOrder.unreachable(c, c.rule("rr.very_high").orElseThrow()).orElseThrow().reason());
    }
}
