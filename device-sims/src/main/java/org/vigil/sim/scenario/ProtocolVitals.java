package org.vigil.sim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.domain.Vital;

/**
 * The scenario-file names of vitals ({@code hr, pr, spo2,
 * pi, rr, nibp}; {@code nibp} stands for the three NIBP components).
 */
public final class ProtocolVitals {

    private static final Map<String, Set<Vital>> BY_KEY = byKey();

    private ProtocolVitals() {
    }

    /** The scenario-file vital names in order: {@code hr, pr, spo2, pi, rr, nibp}. */
    public static Set<String> names() {
        return BY_KEY.keySet();
    }

    /** The vitals a scenario-file name stands for, or empty for an unknown name. */
    public static Optional<Set<Vital>> fromName(String name) {
        return Optional.ofNullable(name == null ? null : BY_KEY.get(name.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    /** Scenario-file names of {@code vitals}, comma separated, e.g. {@code spo2, pr, pi}. */
    public static String describe(Set<Vital> vitals) {
        return BY_KEY.entrySet().stream()
                .filter(e -> vitals.containsAll(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Set<Vital>> byKey() {
        Map<String, Set<Vital>> m = new LinkedHashMap<>();
        m.put("hr", Set.of(Vital.HR));
        m.put("pr", Set.of(Vital.PR));
        m.put("spo2", Set.of(Vital.SPO2));
        m.put("pi", Set.of(Vital.PI));
        m.put("rr", Set.of(Vital.RR));
        m.put("nibp", Set.of(Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN));
        return Collections.unmodifiableMap(m);
    }
}
