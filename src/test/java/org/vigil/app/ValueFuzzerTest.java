package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.sim.protocol.SimRegistry;

/**
 * The short run of the value fuzzer in every build (the long one is {@code vigil fuzz}, see
 * docs/PERFORMANCE.md): no value a patient cannot have passes as valid, no lost byte changes a
 * Masimo value, nothing throws; and the run did reach the checks (mutations produced values the
 * plausibility rules had to flag).
 */
class ValueFuzzerTest {

    /** Every protocol with a simulator that streams without being asked. */
    static java.util.stream.Stream<String> streamingProtocols() {
        SimRegistry sims = SimRegistry.standard();
        return ProtocolRegistry.standard().all().stream()
                .filter(p -> p.newSession().isEmpty())
                .map(ProtocolDriver::key)
                .filter(k -> sims.find(k).map(s -> s.newResponder().isEmpty()).orElse(false));
    }

    @ParameterizedTest
    @MethodSource("streamingProtocols")
    void noImplausibleValuePassesAsValid(String key) {
        ProtocolDriver p = ProtocolRegistry.standard().require(key);
        ValueFuzzer.Result r = new ValueFuzzer(p, SimRegistry.standard().require(key), 20261202L).run(20_000);
        assertTrue(r.clean(), r.summary() + "\n" + String.join("\n", r.examples()));
        assertEquals(20_000, r.frames());
        assertTrue(r.readings() > 20_000, "the mutated and intact frames gave readings: " + r.summary());
    }
}
