package org.vigil.sim;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.sim.protocol.FrameEncoder;
import org.vigil.sim.scenario.Baseline;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioEvent;

/**
 * A parsed scenario turned into what the simulators do: the patient's {@link PatientTimeline},
 * one deterministic {@link DeviceScript} per device, the nurse's actions and the baseline.
 * Immutable; the scripts can be iterated any number of times, from any thread (each pass is
 * independent).
 */
public final class Simulation {

    private final Scenario scenario;
    private final PatientTimeline timeline;
    private final Map<String, DeviceScript> scripts;
    private final List<NurseAction> nurseActions;

    /**
     * @param scenario a parsed scenario
     * @param encoders gives a frame encoder for a protocol key ({@code masimo}, {@code ivy}); it is
     *                 called once here per device to check it answers, and once per pass of a
     *                 script, so stateful encoders still give identical passes
     */
    public Simulation(Scenario scenario, Function<String, FrameEncoder> encoders) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(encoders, "encoders");
        this.timeline = PatientTimeline.of(scenario);
        Map<String, DeviceScript> m = new LinkedHashMap<>();
        for (var e : scenario.devices().entrySet()) {
            Objects.requireNonNull(encoders.apply(e.getValue().protocol()),
                    () -> "no encoder for protocol '" + e.getValue().protocol() + "'");
            m.put(e.getKey(), new ScenarioDeviceScript(e.getKey(), scenario, timeline, encoders));
        }
        this.scripts = Collections.unmodifiableMap(m);
        this.nurseActions = scenario.events(ScenarioEvent.Nurse.class).stream()
                .map(n -> new NurseAction(n.at(), n.action()))
                .toList();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The scenario's duration: every emission and nurse action lies in [0, duration]. */
    public Duration duration() {
        return scenario.duration();
    }

    public PatientTimeline timeline() {
        return timeline;
    }

    /** Device id → script, in the file's device order. */
    public Map<String, DeviceScript> scripts() {
        return scripts;
    }

    /** The script of one device; throws {@link IllegalArgumentException} for an unknown id. */
    public DeviceScript script(String deviceId) {
        DeviceScript s = scripts.get(deviceId);
        if (s == null) {
            throw new IllegalArgumentException("unknown device '" + deviceId + "' (expected one of "
                    + String.join(", ", scripts.keySet()) + ")");
        }
        return s;
    }

    /** The nurse's actions in time order (file order for equal times). */
    public List<NurseAction> nurseActions() {
        return nurseActions;
    }

    public Optional<Baseline> baseline() {
        return scenario.baseline();
    }

    /** One pass over every device's emissions in time order (device order for equal times). */
    public Iterator<DeviceEmission> mergedEmissions() {
        return Emissions.merge(scripts);
    }
}
