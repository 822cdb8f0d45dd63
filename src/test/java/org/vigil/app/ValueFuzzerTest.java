package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.device.protocol.Protocol;

/**
 * The short run of the value fuzzer in every build (the long one is {@code vigil fuzz}, see
 * docs/PERFORMANCE.md): no value a patient cannot have passes as valid, no lost byte changes a
 * Masimo value, nothing throws; and the run did reach the checks (mutations produced values the
 * plausibility rules had to flag).
 */
class ValueFuzzerTest {

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void noImplausibleValuePassesAsValid(Protocol p) {
        ValueFuzzer.Result r = new ValueFuzzer(p, 20261202L).run(20_000);
        assertTrue(r.clean(), r.summary() + "\n" + String.join("\n", r.examples()));
        assertEquals(20_000, r.frames());
        assertTrue(r.readings() > 20_000, "the mutated and intact frames gave readings: " + r.summary());
    }
}
