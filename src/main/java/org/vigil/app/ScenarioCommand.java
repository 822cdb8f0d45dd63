package org.vigil.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmLogFormat;
import org.vigil.config.ConfigException;
import org.vigil.config.ConfigLoader;
import org.vigil.config.DeviceConfig;
import org.vigil.config.StationConfig;
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
            "Runs a scenario on simulated time and prints the alarm log.",
            "The simulators' real bytes go through the real decoders and the real alarm engine, as fast as",
            "the CPU allows (no waiting). Columns: " + AlarmLogFormat.HEADER + ".",
            "Limits, delays, priorities and latching are the station's defaults, or those of --config",
            "(whose first chair's devices, matched by id, also give the silence timeouts; else 10 s)."},
        footer = {"", "Example:", "  java -jar vigil.jar scenario device-sims/scenarios/desaturation.yaml"})
final class ScenarioCommand implements Callable<Integer> {

    private static final Duration DEFAULT_SILENCE = Duration.ofSeconds(10);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario (YAML, see device-sims/README.md).")
    Path file;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Station configuration whose alarm settings to use.")
    Path config;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        AlarmConfig alarms = AlarmConfig.defaults();
        // Silence timeouts: the configuration's device of the same id in its first chair, else 10 s.
        java.util.Map<String, Duration> silence = new java.util.HashMap<>();
        if (config != null) {
            try {
                StationConfig station = ConfigLoader.forCurrentUser().load(config);
                alarms = station.alarms();
                for (DeviceConfig d : station.chairs().get(0).devices()) {
                    silence.put(d.id(), d.silenceTimeout());
                }
            } catch (ConfigException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        Scenario scenario;
        try {
            scenario = new ScenarioParser().parse(file);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("scenario: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        Instant t0 = ScenarioRunner.origin(scenario);
        out.println(AlarmLogFormat.HEADER);
        new ScenarioRunner(alarms, id -> silence.getOrDefault(id, DEFAULT_SILENCE)).run(scenario, e -> out.println(AlarmLogFormat.row(e, t0)));
        out.flush();
        return 0;
    }
}
