package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;
import org.vigil.config.ClinicBounds;
import org.vigil.chair.ThresholdRange;

class ClinicLimitPolicyTest {

    private final ClinicLimitPolicy policy = new ClinicLimitPolicy(ClinicBounds.defaults());

    private static LimitRule rule(String id) {
        return AlarmConfig.defaults().rule(id).orElseThrow();
    }

    @Test
    void thresholdsInsideTheClinicBoundsAreAcceptedBothEndsIncluded() {
        assertEquals(Optional.empty(), policy.refuse(rule("spo2.low"), 85));
        assertEquals(Optional.empty(), policy.refuse(rule("spo2.low"), 92.5));
        assertEquals(Optional.empty(), policy.refuse(rule("spo2.low"), 95));
    }

    @Test
    void thresholdsOutsideTheBoundsAreRefusedNamingTheBounds() {
        assertEquals(Optional.of("97 is outside the clinic bounds 85..95"), policy.refuse(rule("spo2.low"), 97));
        assertEquals(Optional.of("84 is outside the clinic bounds 85..95"), policy.refuse(rule("spo2.low"), 84));
    }

    @Test
    void thresholdsOutsideTheSafeRangeAreRefusedBeforeTheBounds() {
        assertEquals(Optional.of("101 is outside the plausible range 1..100 for spo2 (%)"),
                policy.refuse(rule("spo2.low"), 101));
        assertEquals(Optional.of("350 can never be reached (hr is never above 300 /min): untick \"Alarm on\" (admin)"
                + " to switch the alarm off"),
                policy.refuse(rule("hr.high"), 350));
    }

    @Test
    void anAlarmWithoutClinicBoundsCannotBeChangedAtTheChair() {
        ClinicLimitPolicy none = new ClinicLimitPolicy(new ClinicBounds(Map.of()));
        assertEquals(Optional.of("spo2.low has no clinic bounds: it can only be changed in the station configuration"),
                none.refuse(rule("spo2.low"), 90));
        assertTrue(none.allowedRange(rule("spo2.low")).isEmpty());
    }

    @Test
    void theAllowedRangeIsTheClinicBounds() {
        assertEquals(Optional.of(new ThresholdRange(20, 60)), policy.allowedRange(rule("nibp_sys.rise")));
        ClinicLimitPolicy narrow = new ClinicLimitPolicy(
                ClinicBounds.defaults().with("spo2.low", new ClinicBounds.Range(88, 93)));
        assertEquals(Optional.of(new ThresholdRange(88, 93)), narrow.allowedRange(rule("spo2.low")));
        assertEquals(Optional.of("94 is outside the clinic bounds 88..93"), narrow.refuse(rule("spo2.low"), 94));
    }
}
