package org.vigil.sim.scenario;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.vigil.domain.Vital;

/**
 * One entry of a scenario's {@code events} list. Every event has its time {@link #at()} from t = 0
 * and the {@link #line()} it was written on. Vital maps hold NIBP as its three components.
 */
public sealed interface ScenarioEvent {

    /** When the event happens, from t = 0. */
    Duration at();

    /** The 1-based line of the event in its file. */
    int line();

    /** {@code set: {vital: value, ...}}: the values change at {@code at}. */
    record SetVitals(Duration at, Map<Vital, Double> values, int line) implements ScenarioEvent {
        public SetVitals {
            Objects.requireNonNull(at, "at");
            values = Map.copyOf(new EnumMap<>(values));
        }
    }

    /** {@code ramp: {vital: target, ...}, over: D}: linear change from the value at {@code at} to the target at {@code at + over}. */
    record Ramp(Duration at, Map<Vital, Double> targets, Duration over, int line) implements ScenarioEvent {
        public Ramp {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(over, "over");
            targets = Map.copyOf(new EnumMap<>(targets));
        }
    }

    /** {@code sensor_off: DEVICE, for: D}: the probe is off during [at, at + length). */
    record SensorOff(Duration at, String device, Duration length, int line) implements ScenarioEvent {
    }

    /** {@code silent: DEVICE, for: D}: the device sends nothing during [at, at + length). */
    record Silent(Duration at, String device, Duration length, int line) implements ScenarioEvent {
    }

    /** {@code garbage: DEVICE, bytes: N}: N random bytes written between two frames at {@code at}. */
    record Garbage(Duration at, String device, int bytes, int line) implements ScenarioEvent {
    }

    /** {@code nibp_measure: DEVICE}: an extra cuff measurement at {@code at}. */
    record NibpMeasure(Duration at, String device, int line) implements ScenarioEvent {
    }

    /**
     * {@code glitch: DEVICE, set: {vital: value}}: the device sends one frame at {@code at} whose
     * listed vitals carry these values, whatever they are; the patient does not change.
     */
    record Glitch(Duration at, String device, Map<Vital, Double> values, int line) implements ScenarioEvent {
        public Glitch {
            Objects.requireNonNull(at, "at");
            values = Map.copyOf(new EnumMap<>(values));
        }
    }

    /**
     * A step of the clinical session at {@code at} (scenarios.md "Sessions in a scenario"): the
     * nurse's {@code capture_baseline}, {@code start_infusion}, {@code pause_infusion},
     * {@code resume_infusion}, {@code stop_infusion}, {@code event}, {@code score}, {@code discharge},
     * or the prescriber's {@code confirm_start}.
     *
     * @param kind     {@code event}: the clinical event kind (e.g. {@code nausea}); else null
     * @param detail   {@code event}: the optional detail; else null
     * @param happened {@code event}, {@code score}: when it happened, from t = 0, for an entry made late; else null
     * @param scores   {@code score}: score name → value, in file order; else empty
     * @param escort   {@code discharge}: whether the escort is confirmed (default true)
     * @param note     {@code confirm_start}: the prescriber's note (may be empty); else null
     */
    record Clinical(Duration at, String action, String kind, String detail, Duration happened,
            Map<String, Integer> scores, boolean escort, String note, int line) implements ScenarioEvent {

        public static final String CAPTURE_BASELINE = "capture_baseline";
        public static final String START_INFUSION = "start_infusion";
        public static final String PAUSE_INFUSION = "pause_infusion";
        public static final String RESUME_INFUSION = "resume_infusion";
        public static final String STOP_INFUSION = "stop_infusion";
        public static final String EVENT = "event";
        public static final String SCORE = "score";
        public static final String DISCHARGE = "discharge";
        /** The prescriber's action: {@code prescriber: confirm_start}. */
        public static final String CONFIRM_START = "confirm_start";

        /** The nurse's session actions, in the order the docs list them. */
        public static final java.util.List<String> NURSE_ACTIONS = java.util.List.of(CAPTURE_BASELINE, START_INFUSION,
                PAUSE_INFUSION, RESUME_INFUSION, STOP_INFUSION, EVENT, SCORE, DISCHARGE);

        public Clinical {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(action, "action");
            scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        }

        /** The step alone, e.g. {@code start_infusion}. */
        public static Clinical step(Duration at, String action, int line) {
            return new Clinical(at, action, null, null, null, Map.of(), true, null, line);
        }
    }

    /** {@code nurse: acknowledge | pause_audio | set_baseline}: what the nurse does at {@code at}. */
    record Nurse(Duration at, String action, int line) implements ScenarioEvent {
        /** The nurse acknowledges all active alarms. */
        public static final String ACKNOWLEDGE = "acknowledge";
        /** The nurse pauses alarm audio for the configured time (default 2 min). */
        public static final String PAUSE_AUDIO = "pause_audio";
        /** The nurse presses Set baseline: the baseline becomes the average of the last two cuff readings. */
        public static final String SET_BASELINE = "set_baseline";
    }
}
