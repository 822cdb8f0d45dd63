package org.vigil.app;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.Baseline;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.device.DeviceStream;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.ChairSpec;
import org.vigil.chair.DeviceInfo;
import org.vigil.chair.ClinicalCommands;
import org.vigil.chair.LimitPolicy;
import org.vigil.chair.SessionRecorder;
import org.vigil.chair.SessionRecords;
import org.vigil.domain.Reading;
import org.vigil.domain.RecordedEvent;
import org.vigil.session.SessionRules;
import org.vigil.sim.DeviceEmission;
import org.vigil.sim.NurseAction;
import org.vigil.sim.scenario.ScenarioEvent;
import org.vigil.sim.Simulation;
import org.vigil.sim.protocol.SimRegistry;
import org.vigil.sim.scenario.DeviceSpec;
import org.vigil.sim.scenario.Scenario;

/**
 * Runs a scenario on simulated time, as fast as the CPU allows: the simulators' real bytes go
 * through the real decoders ({@link DeviceStream}), the real chair core and the real alarm
 * engine, with a clock that jumps from one event to the next. Nothing sleeps.
 *
 * <p>Order of work at one simulated instant: every byte emitted at that instant (devices in file
 * order), then the nurse's and prescriber's actions (file order), then the engine's tick. Ticks
 * come every {@link #TICK} of simulated time, as in the live station.
 *
 * <p>A scenario with a session part ({@code patient}, {@code order}) checks a synthetic patient
 * (MRN {@value #PATIENT_MRN}) in at t = 0, before the first byte, and runs the workflow's actions
 * through the chair's {@link ClinicalCommands}, the same calls the station's screens make, so the
 * session's rules are those of the station. A refused action is never an error: a refused start or
 * discharge is recorded as its refusal event; any refusal is also reported as a note.
 */
public final class ScenarioRunner {

    /** Simulated tick period, the same as the live station's. */
    public static final Duration TICK = Station.TICK;

    private final AlarmConfig alarms;
    private final java.util.function.Function<String, Duration> silenceTimeouts;
    private final ProtocolRegistry protocols;
    private final SimRegistry simulators;
    private final SessionRules rules;

    /**
     * @param alarms         the alarm configuration in force
     * @param silenceTimeout each simulated device's silence timeout (the station default is 10 s)
     */
    public ScenarioRunner(AlarmConfig alarms, Duration silenceTimeout) {
        this(alarms, id -> silenceTimeout);
    }

    /**
     * @param alarms          the alarm configuration in force
     * @param silenceTimeouts each simulated device's silence timeout by device id
     */
    public ScenarioRunner(AlarmConfig alarms, java.util.function.Function<String, Duration> silenceTimeouts) {
        this(alarms, silenceTimeouts, ProtocolRegistry.standard(), SimRegistry.standard(), SessionRules.DEFAULTS);
    }

    /**
     * @param alarms          the alarm configuration in force
     * @param silenceTimeouts each simulated device's silence timeout by device id
     * @param protocols       the station's drivers (decoders, labels)
     * @param simulators      the simulators' drivers (encoders)
     * @param rules           the clinic's session rules (a scenario's session part runs under them)
     */
    public ScenarioRunner(AlarmConfig alarms, java.util.function.Function<String, Duration> silenceTimeouts,
            ProtocolRegistry protocols, SimRegistry simulators, SessionRules rules) {
        this.alarms = alarms;
        this.silenceTimeouts = silenceTimeouts;
        this.protocols = protocols;
        this.simulators = simulators;
        this.rules = rules;
    }

    /** The instant a scenario's t = 0 maps to: its device clock start, read as UTC. */
    public static Instant origin(Scenario scenario) {
        return scenario.start().toInstant(ZoneOffset.UTC);
    }

    /** The MRN of the patient a scenario's session checks in. */
    public static final String PATIENT_MRN = "SCENARIO";
    /** Who does the nurse's actions. */
    static final String NURSE = "nurse";

    /** Runs {@code scenario}; every alarm log event goes to {@code out} as it happens. */
    public void run(Scenario scenario, Consumer<AlarmEvent> out) {
        run(scenario, out, e -> { }, note -> { });
    }

    /**
     * Runs {@code scenario}: every alarm log event goes to {@code alarms}, every event of the
     * clinical session to {@code session}, both as they are recorded; {@code notes} gets one line
     * per refused session action ({@code file:line: at 20m: pause_infusion refused: reason}).
     */
    public void run(Scenario scenario, Consumer<AlarmEvent> alarms, Consumer<RecordedEvent> session,
            Consumer<String> notes) {
        Consumer<AlarmEvent> out = alarms;
        Instant t0 = origin(scenario);
        SimClock clock = new SimClock(t0);
        Simulation sim = new Simulation(scenario, simulators::newEncoder);
        List<ChairSpec.Device> devices = new ArrayList<>();
        for (Map.Entry<String, DeviceSpec> e : scenario.devices().entrySet()) {
            String id = e.getKey();
            DeviceSpec d = e.getValue();
            ProtocolDriver p = protocols.require(d.protocol());
            String label = p.defaultLabel() + " " + id;
            devices.add(new ChairSpec.Device(
                    new DeviceInfo(id, label, p.key(), "simulated", d.reports(), true),
                    new DeviceAlarmProfile(id, label, silenceTimeouts.apply(id), d.reportsNibp() ? d.nibpInterval() : null,
                            d.sameArmAs().orElse(null))));
        }
        ChairMonitor chair = new ChairMonitor(new ChairSpec("scenario", scenario.name(), true, devices), this.alarms,
                clock, Runnable::run, new SessionEvents(session), LimitPolicy.PERMISSIVE, rules, SessionRecords.NONE);
        chair.addAlarmListener(out::accept);
        sim.baseline().ifPresent(b -> chair.setBaseline(new Baseline(
                b.nibp().map(n -> n.sys()).orElse(null),
                b.nibp().map(n -> n.dia()).orElse(null),
                b.hr().isPresent() ? b.hr().getAsDouble() : null), "scenario"));
        Map<String, DeviceStream> streams = new LinkedHashMap<>();
        for (Map.Entry<String, DeviceSpec> e : scenario.devices().entrySet()) {
            streams.put(e.getKey(), new DeviceStream(e.getKey(), protocols.require(e.getValue().protocol()).newDecoder(), clock,
                    chair::onReadings));
        }
        ClinicalSteps steps = new ClinicalSteps(chair.clinical(), scenario, t0, notes);
        scenario.clinical().ifPresent(steps::checkIn);
        Iterator<DeviceEmission> emissions = sim.mergedEmissions();
        // the nurse's alarm actions and the session's actions, in time order, file order for equal times
        Iterator<ScenarioEvent> nurse = scenario.events().stream()
                .filter(e -> e instanceof ScenarioEvent.Nurse || e instanceof ScenarioEvent.Clinical).iterator();
        DeviceEmission nextEmission = emissions.hasNext() ? emissions.next() : null;
        ScenarioEvent nextNurse = nurse.hasNext() ? nurse.next() : null;
        long end = scenario.duration().toNanos();
        long tick = 0;
        while (true) {
            long te = nextEmission == null ? Long.MAX_VALUE : nextEmission.emission().at().toNanos();
            long tn = nextNurse == null ? Long.MAX_VALUE : nextNurse.at().toNanos();
            long tt = tick <= end ? tick : Long.MAX_VALUE;
            long t = Math.min(te, Math.min(tn, tt));
            if (t == Long.MAX_VALUE) {
                break;
            }
            clock.set(t0.plusNanos(t));
            while (nextEmission != null && nextEmission.emission().at().toNanos() == t) {
                byte[] b = nextEmission.emission().bytes();
                streams.get(nextEmission.deviceId()).receive(b, b.length);
                nextEmission = emissions.hasNext() ? emissions.next() : null;
            }
            while (nextNurse != null && nextNurse.at().toNanos() == t) {
                if (nextNurse instanceof ScenarioEvent.Nurse n) {
                    apply(chair, n.action());
                } else {
                    steps.run((ScenarioEvent.Clinical) nextNurse);
                }
                nextNurse = nurse.hasNext() ? nurse.next() : null;
            }
            if (t == tick) {
                chair.tick();
                tick += TICK.toNanos();
            }
        }
    }

    private static void apply(ChairMonitor chair, String action) {
        switch (action) {
            case NurseAction.ACKNOWLEDGE -> chair.acknowledge(HeadlessActors.NURSE);
            case NurseAction.PAUSE_AUDIO -> chair.pauseAudio(HeadlessActors.NURSE);
            // The same call as the chair screen's Set baseline button; refused (fewer than two
            // cuff readings) it changes nothing, as at the station.
            case NurseAction.SET_BASELINE -> chair.setBaselineFromLastCuffReadings(HeadlessActors.NURSE);
            default -> throw new IllegalArgumentException("unknown nurse action " + action);
        }
    }

    /** Passes the clinical session's events on (the alarm system's own records are the alarm log's). */
    private record SessionEvents(Consumer<RecordedEvent> out) implements SessionRecorder {
        @Override
        public void reading(Reading reading) {
        }

        @Override
        public void alarm(AlarmEvent event) {
        }

        @Override
        public void event(RecordedEvent event) {
            if (event.seq() > 0) {
                out.accept(event);
            }
        }
    }

    /** A clock the runner moves by hand. */
    static final class SimClock implements InstantSource {
        private Instant now;

        SimClock(Instant start) {
            this.now = start;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
