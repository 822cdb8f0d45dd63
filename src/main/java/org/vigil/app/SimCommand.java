package org.vigil.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.transport.PtyTransport;
import org.vigil.device.transport.SerialTransport;
import org.vigil.device.transport.TcpTransport;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;
import org.vigil.domain.Durations;
import org.vigil.session.SessionRules;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.Simulation;
import org.vigil.sim.SpedUpScript;
import org.vigil.sim.live.LivePlayer;
import org.vigil.sim.live.Sleeper;
import org.vigil.sim.protocol.SimDriver;
import org.vigil.sim.protocol.SimRegistry;
import org.vigil.sim.replay.Recording;
import org.vigil.sim.replay.RecordingException;
import org.vigil.sim.replay.ReplayOptions;
import org.vigil.sim.scenario.DeviceSpec;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioException;
import org.vigil.sim.scenario.ScenarioParser;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil sim}: plays simulated devices in real time on serial ports or new pseudo-terminals. */
@Command(name = "sim",
        mixinStandardHelpOptions = true,
        description = {
            "Plays simulated devices in real time on serial ports or new pseudo-terminals.",
            "The devices speak their protocols byte for byte, for a station on the other end. Each device",
            "writes to the serial port given with --port, or to a new pseudo-terminal whose path is printed",
            "(put that path in the station's configuration). Either plays a scenario (--scenario) or",
            "replays a recording (--replay) or a raw capture (--raw) through one device."},
        footer = {"", "Examples:",
            "  java -jar vigil.jar sim --scenario device-sims/scenarios/bp-surge-at-peak.yaml",
            "  java -jar vigil.jar sim --scenario device-sims/scenarios/desaturation.yaml --speed 20",
            "  java -jar vigil.jar sim --scenario desat.yaml --port ox=/dev/ttyUSB0 --port mon=/dev/ttyUSB1",
            "  java -jar vigil.jar sim --protocol ivy --replay mimic2_s00001_numerics_1min.csv --speed 60",
            "  java -jar vigil.jar sim --raw captures/chair-1-ox-20261203-080000.vraw --protocol nonin"})
final class SimCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = {"-s", "--scenario"}, paramLabel = "FILE", description = "Scenario to play (see device-sims/README.md).")
        Path scenario;

        @Option(names = "--replay", paramLabel = "FILE", description = "Recording to replay (1-minute numerics CSV, MIMIC-II layout).")
        Path replay;

        @Option(names = "--raw", paramLabel = "FILE", description = {"Raw capture to replay byte for byte with its original timing"
                + " (a station's raw_capture file, docs/PROTOCOLS.md).", "The protocol defaults to the capture's own."})
        Path raw;
    }

    @Option(names = {"-p", "--protocol"}, paramLabel = "PROTOCOL", completionCandidates = ProtocolKeys.class,
            description = "With --replay or --raw: the device's protocol, one of ${COMPLETION-CANDIDATES}.")
    String protocol;

    ProtocolRegistry registry = ProtocolRegistry.standard();
    SimRegistry simRegistry = SimRegistry.standard();

    @Option(names = "--device", paramLabel = "ID", defaultValue = "dev", description = "With --replay: the device id (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--port", paramLabel = "[DEVICE=]PATH",
            description = {"Serial port for a device (repeatable). Without it a pseudo-terminal is created.",
                "tcp://HOST:PORT connects to a station listening there (protocol hl7: the monitor pushes to the station)."})
    List<String> ports = new ArrayList<>();

    @Option(names = "--speed", paramLabel = "N", defaultValue = "1", description = {"How fast to play: scenario or recorded minutes per minute (default 1; 60 = a minute per second).",
                "A scenario at speed N sends N reports a second per device."})
    double speed;

    @Option(names = "--start-minute", paramLabel = "M", description = "With --replay: first recorded minute to play.")
    Integer startMinute;

    @Option(names = "--length", paramLabel = "DURATION", description = "With --replay: how much of the recording to play, e.g. 2h.")
    String length;

    @Option(names = "--loop", description = "Start again from t = 0 at the end, until stopped.")
    boolean loop;

    private boolean rawReplay;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, DeviceScript> scripts = new LinkedHashMap<>();
        Map<String, String> protocols = new LinkedHashMap<>();
        Map<String, java.util.Optional<String>> serials = new LinkedHashMap<>();
        try {
            if (source.scenario != null) {
                Scenario scenario = new ScenarioParser(simRegistry, new ClinicScenarioChecks(SessionRules.DEFAULTS))
                        .parse(source.scenario);
                if (scenario.clinical().isPresent()) {
                    err.println("sim: " + scenario.source() + ": the session part (patient, order and the nurse's"
                            + " session actions) is not played live: devices only");
                }
                Simulation sim = new Simulation(scenario, simRegistry::newEncoder);
                for (Map.Entry<String, DeviceSpec> e : scenario.devices().entrySet()) {
                    scripts.put(e.getKey(), SpedUpScript.of(sim.script(e.getKey()), speed));
                    protocols.put(e.getKey(), e.getValue().protocol());
                    serials.put(e.getKey(), e.getValue().serial());
                }
            } else if (source.raw != null) {
                org.vigil.device.transport.RawCapture.Capture capture = org.vigil.device.transport.RawCapture.read(source.raw);
                String key = protocol != null ? protocol : capture.header().protocol();
                SimDriver p = simRegistry.require(key);
                String id = "dev".equals(device) ? capture.header().deviceId() : device;
                scripts.put(id, SpedUpScript.of(new org.vigil.sim.replay.RawReplay(capture, id, p.key()), speed));
                protocols.put(id, p.key());
                rawReplay = true;
            } else {
                if (protocol == null) {
                    err.println("sim: --replay needs --protocol (" + simRegistry.keyList() + ")");
                    return 2;
                }
                SimDriver p = simRegistry.require(protocol);
                ReplayOptions opts = ReplayOptions.defaults().withSpeed(speed);
                if (startMinute != null) {
                    opts = opts.withStartMinute(startMinute);
                }
                if (length != null) {
                    opts = opts.withLength(Durations.parse(length));
                }
                scripts.put(device, Recording.read(source.replay).script(device, p, opts));
                protocols.put(device, p.key());
            }
        } catch (ScenarioException | RecordingException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("sim: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("sim: " + e.getMessage());
            return 1;
        }
        Map<String, String> portPaths;
        try {
            portPaths = parsePorts(scripts.keySet());
        } catch (IllegalArgumentException e) {
            err.println("sim: --port: " + e.getMessage());
            return 2;
        }
        Map<String, Transport> transports = new LinkedHashMap<>();
        try {
            for (String id : scripts.keySet()) {
                ProtocolDriver p = registry.require(protocols.get(id));
                String path = portPaths.get(id);
                Transport t;
                // a raw capture already holds the device's answers: no responder
                java.util.Optional<org.vigil.sim.protocol.Responder> responder = rawReplay
                        ? java.util.Optional.empty()
                        : simRegistry.require(p.key()).newResponder(serials.getOrDefault(id, java.util.Optional.empty()));
                if (path == null) {
                    PtyTransport pty = PtyTransport.create();
                    t = pty;
                    out.println(id + " (" + p.key() + ") on " + pty.pty().slavePath());
                } else if (path.startsWith("tcp://")) {
                    // a device that connects to the station (HL7 over MLLP): the simulator is the TCP client
                    java.net.URI uri = java.net.URI.create(path);
                    TcpTransport tcp = new TcpTransport(uri.getHost(), uri.getPort());
                    tcp.open(IGNORE_INPUT);
                    t = tcp;
                    out.println(id + " (" + p.key() + ") connected to " + path);
                } else {
                    SerialTransport s = new SerialTransport(path, p.defaultSerial());
                    if (responder.isEmpty()) {
                        s.open(IGNORE_INPUT);
                    }
                    t = s;
                    out.println(id + " (" + p.key() + ") on " + path + " " + p.defaultSerial());
                }
                if (responder.isPresent()) {
                    // a device that answers: what the station sends goes to the protocol's responder
                    t = new org.vigil.sim.protocol.RespondingLink(t, responder.get(), InstantSource.system()).start();
                }
                transports.put(id, t);
            }
            out.flush();
            LivePlayer player = new LivePlayer(scripts, transports, InstantSource.system(), Sleeper.PARK, loop);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                player.stop();
                transports.values().forEach(Transport::close);
            }, "sim-stop"));
            player.play();
        } catch (IOException e) {
            err.println("sim: " + e.getMessage());
            return 1;
        } finally {
            transports.values().forEach(Transport::close);
        }
        return 0;
    }

    private Map<String, String> parsePorts(java.util.Set<String> ids) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : ports) {
            int eq = p.indexOf('=');
            String id;
            String path;
            if (eq < 0) {
                if (ids.size() != 1) {
                    throw new IllegalArgumentException("'" + p + "': name the device (DEVICE=PATH), devices are " + ids);
                }
                id = ids.iterator().next();
                path = p;
            } else {
                id = p.substring(0, eq);
                path = p.substring(eq + 1);
            }
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("unknown device '" + id + "' (devices: " + ids + ")");
            }
            m.put(id, path);
        }
        return m;
    }

    private static final TransportListener IGNORE_INPUT = new TransportListener() {
        @Override
        public void onData(byte[] data, int len) {
            // simulated devices ignore what the station sends
        }

        @Override
        public void onDisconnected(org.vigil.device.transport.LinkProblem problem) {
            // LivePlayer logs failing writes
        }
    };
}
