package org.vigil.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.DeviceConfig;
import org.vigil.config.SimulatedEndpoint;
import org.vigil.device.transport.PtyTransport;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.Simulation;
import org.vigil.sim.live.LivePlayer;
import org.vigil.sim.live.Sleeper;
import org.vigil.sim.protocol.SimRegistry;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioException;
import org.vigil.sim.scenario.ScenarioParser;

/**
 * The built-in simulated devices of a chair: one pseudo-terminal per device, played by the
 * simulators from a scenario in real time (looping), so the station reads them through
 * jSerialComm exactly as it reads a real monitor. Configured devices are matched to scenario
 * devices by id, else by protocol.
 */
final class SimulatedDevices implements AutoCloseable {

    /** The scenario played when a simulated device names none. */
    static final String DEFAULT_SCENARIO = "scenarios/default-station.yaml";

    private final Map<String, PtyTransport> ports = new LinkedHashMap<>();
    private final LivePlayer player;

    private SimulatedDevices(Map<String, DeviceScript> scripts, Map<String, PtyTransport> ports,
            Map<String, org.vigil.device.transport.Transport> links) {
        this.ports.putAll(ports);
        this.player = new LivePlayer(scripts, links, InstantSource.system(), Sleeper.PARK, true);
    }

    /** Creates the ptys for {@code devices} (all with a {@link SimulatedEndpoint}) and starts playing. */
    static SimulatedDevices start(List<DeviceConfig> devices) throws IOException, ScenarioException {
        String scenarioName = null;
        for (DeviceConfig d : devices) {
            String s = ((SimulatedEndpoint) d.endpoint()).scenario();
            if (scenarioName != null && s != null && !s.equals(scenarioName)) {
                throw new IllegalArgumentException("simulated devices of one chair must play the same scenario: "
                        + scenarioName + " and " + s);
            }
            if (s != null) {
                scenarioName = s;
            }
        }
        Scenario scenario = load(scenarioName);
        Simulation sim = new Simulation(scenario, SimRegistry.standard()::newEncoder);
        Map<String, DeviceScript> scripts = new LinkedHashMap<>();
        Map<String, PtyTransport> ports = new LinkedHashMap<>();
        Map<String, org.vigil.device.transport.Transport> links = new LinkedHashMap<>();
        SimRegistry simulators = SimRegistry.standard();
        Set<String> used = new HashSet<>();
        try {
            for (DeviceConfig d : devices) {
                String match = match(scenario, d, used);
                used.add(match);
                scripts.put(d.id(), sim.script(match));
                PtyTransport pty = PtyTransport.create();
                ports.put(d.id(), pty);
                var responder = simulators.require(d.protocol().key()).newResponder(scenario.devices().get(match).serial());
                // a device that answers the station gets what the station sends
                links.put(d.id(), responder.isPresent()
                        ? new org.vigil.sim.protocol.RespondingLink(pty, responder.get(), InstantSource.system()).start()
                        : pty);
            }
        } catch (IOException | RuntimeException e) {
            ports.values().forEach(PtyTransport::close);
            throw e;
        }
        SimulatedDevices s = new SimulatedDevices(scripts, ports, links);
        s.player.start();
        return s;
    }

    private static String match(Scenario scenario, DeviceConfig d, Set<String> used) {
        var byId = scenario.devices().get(d.id());
        if (byId != null && byId.protocol().equals(d.protocol().key()) && !used.contains(d.id())) {
            return d.id();
        }
        for (var e : scenario.devices().entrySet()) {
            if (!used.contains(e.getKey()) && e.getValue().protocol().equals(d.protocol().key())) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("simulated device " + d.id() + " (" + d.protocol().key()
                + "): scenario '" + scenario.name() + "' has no free " + d.protocol().key() + " device");
    }

    private static Scenario load(String scenarioFile) throws IOException, ScenarioException {
        ScenarioParser parser = new ScenarioParser();
        if (scenarioFile != null) {
            return parser.parse(Path.of(scenarioFile));
        }
        try (InputStream in = SimulatedDevices.class.getClassLoader().getResourceAsStream(DEFAULT_SCENARIO)) {
            if (in == null) {
                throw new IOException("built-in scenario " + DEFAULT_SCENARIO + " missing from the build");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return parser.parse("default-station.yaml", r);
            }
        }
    }

    /** The pty path the station should open for a configured device id. */
    String portFor(String deviceId) {
        return ports.get(deviceId).pty().slavePath();
    }

    @Override
    public void close() {
        player.close();
        ports.values().forEach(PtyTransport::close);
    }
}
