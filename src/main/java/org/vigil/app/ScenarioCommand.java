package org.vigil.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmLogFormat;
import org.vigil.config.ConfigException;
import org.vigil.config.ConfigLoader;
import org.vigil.config.DeviceConfig;
import org.vigil.config.StationConfig;
import org.vigil.device.ProtocolRegistry;
import org.vigil.domain.RecordedEvent;
import org.vigil.session.SessionRules;
import org.vigil.sim.protocol.SimRegistry;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioException;
import org.vigil.sim.scenario.ScenarioParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil scenario}: runs a scenario on simulated time and prints the alarm log. */
@Command(name = "scenario",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a scenario on simulated time and prints the alarm log (and, with --session-log, the session log).",
            "The simulators' real bytes go through the real decoders and the real alarm engine, as fast as",
            "the CPU allows (no waiting). Columns: " + AlarmLogFormat.HEADER + ".",
            "Limits, delays, priorities, latching and the session rules are the station's defaults, or those of --config",
            "(whose first chair's devices, matched by id, also give the silence timeouts; else 10 s).",
            "A scenario with patient and order runs the clinical session through the station's session core;",
            "a refused nurse action is noted on stderr and the run goes on."},
        footer = {"", "Examples:", "  java -jar vigil.jar scenario device-sims/scenarios/desaturation.yaml",
            "  java -jar vigil.jar scenario device-sims/scenarios/session-routine.yaml --session-log"})
final class ScenarioCommand implements Callable<Integer> {

    private static final Duration DEFAULT_SILENCE = Duration.ofSeconds(10);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario (YAML, see device-sims/README.md).")
    Path file;

    @Option(names = "--session-log", description = {"After the alarm log, print a blank line and the session log: "
            + SessionLogFormat.HEADER + ",", "one row per event of the clinical session, in time order."})
    boolean sessionLog;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Station configuration whose alarm settings to use.")
    Path config;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        AlarmConfig alarms = AlarmConfig.defaults();
        SessionRules rules = SessionRules.DEFAULTS;
        // Silence timeouts: the configuration's device of the same id in its first chair, else 10 s.
        java.util.Map<String, Duration> silence = new java.util.HashMap<>();
        if (config != null) {
            try {
                StationConfig station = ConfigLoader.forCurrentUser().load(config);
                alarms = station.alarms();
                rules = station.sessionRules();
                for (DeviceConfig d : station.chairs().get(0).devices()) {
                    silence.put(d.id(), d.silenceTimeout());
                }
            } catch (ConfigException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        // the simulated chair's life-cycle lines (checked in, discharged) are the session log's rows
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.vigil.chair"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Scenario scenario;
        try {
            scenario = new ScenarioParser(new ClinicScenarioChecks(rules)).parse(file);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("scenario: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        Instant t0 = ScenarioRunner.origin(scenario);
        out.println(AlarmLogFormat.HEADER);
        List<RecordedEvent> session = new ArrayList<>();
        new ScenarioRunner(alarms, id -> silence.getOrDefault(id, DEFAULT_SILENCE), ProtocolRegistry.standard(),
                SimRegistry.standard(), rules).run(scenario,
                e -> out.println(AlarmLogFormat.row(e, t0)), session::add, err::println);
        if (sessionLog) {
            out.println();
            out.println(SessionLogFormat.HEADER);
            for (RecordedEvent e : SessionLogFormat.inTimeOrder(session)) {
                out.println(SessionLogFormat.row(e, t0));
            }
        }
        out.flush();
        err.flush();
        return 0;
    }
}
