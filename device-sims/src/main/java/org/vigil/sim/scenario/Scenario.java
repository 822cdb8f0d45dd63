package org.vigil.sim.scenario;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vigil.domain.Vital;

/**
 * A parsed, validated scenario file (see {@code device-sims/README.md} for the format).
 *
 * @param source   the file name, for messages
 * @param name     the {@code name:} line, or the file name without extension
 * @param duration how long the scenario runs; everything happens in [0, duration)
 * @param devices  device id → spec, in file order
 * @param baseline the session baseline, if the file gives one
 * @param vitals   the patient at t = 0 (NIBP as its three components); a vital not listed is absent
 * @param events   the events sorted by {@code at}, file order kept for equal times
 * @param start    extension: the devices' clock at t = 0 (default {@link #DEFAULT_START})
 * @param seed     extension: seed of the random garbage bytes (default 0)
 * @param clinical the clinical session part ({@code patient:} and {@code order:}), if the file gives it
 */
public record Scenario(
        String source,
        String name,
        Duration duration,
        Map<String, DeviceSpec> devices,
        Optional<Baseline> baseline,
        Map<Vital, Double> vitals,
        List<ScenarioEvent> events,
        LocalDateTime start,
        long seed,
        Optional<ClinicalSpec> clinical) {

    /** Device clock at t = 0 when the file gives no {@code start}: fixed, so output is repeatable. */
    public static final LocalDateTime DEFAULT_START = LocalDateTime.of(2026, 1, 5, 9, 0, 0);

    public Scenario {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(clinical, "clinical");
        devices = Collections.unmodifiableMap(new LinkedHashMap<>(devices));
        vitals = vitals.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(vitals));
        events = List.copyOf(events);
    }

    /** A scenario without a clinical session part. */
    public Scenario(String source, String name, Duration duration, Map<String, DeviceSpec> devices,
            Optional<Baseline> baseline, Map<Vital, Double> vitals, List<ScenarioEvent> events, LocalDateTime start,
            long seed) {
        this(source, name, duration, devices, baseline, vitals, events, start, seed, Optional.empty());
    }

    /** The events of one kind, in time order. */
    public <E extends ScenarioEvent> List<E> events(Class<E> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
