package org.vigil.sim.scenario;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.vigil.domain.Vital;

/**
 * The session baseline a scenario declares ({@code baseline: { nibp: 124/78, hr: 72 }}), used by
 * the station's rise-from-baseline alarms. Either part may be absent.
 */
public record Baseline(Optional<Nibp> nibp, OptionalDouble hr) {

    /** The baseline per vital: {@code NIBP_SYS}, {@code NIBP_DIA}, {@code NIBP_MEAN}, {@code HR}, as given. */
    public Map<Vital, Double> values() {
        Map<Vital, Double> m = new EnumMap<>(Vital.class);
        nibp.ifPresent(n -> {
            m.put(Vital.NIBP_SYS, n.sys());
            m.put(Vital.NIBP_DIA, n.dia());
            m.put(Vital.NIBP_MEAN, n.mean());
        });
        hr.ifPresent(v -> m.put(Vital.HR, v));
        return m;
    }
}
