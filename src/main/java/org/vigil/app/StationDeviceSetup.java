package org.vigil.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.chair.DeviceSetup;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationConfig;
import org.vigil.config.StationYamlEditor;
import org.vigil.device.PortDetector;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.AuditSink;
import org.vigil.domain.Role;

/**
 * The device setup screen's station side: the OS's serial ports ({@code ports}, jSerialComm in the
 * station), detection through {@link PortDetector}, and the change to {@code station.yaml}
 * through {@link StationYamlEditor}, refused for anyone but an admin and audited.
 */
final class StationDeviceSetup implements DeviceSetup {

    private static final Logger log = LoggerFactory.getLogger(StationDeviceSetup.class);

    private final Path configFile;
    private final Supplier<List<Port>> ports;
    private final PortDetector detector;
    private final ProtocolRegistry registry;
    private final StationYamlEditor editor;
    private final List<String> chairs;
    private final AuditSink audit;
    private final java.time.InstantSource clock;

    StationDeviceSetup(Path configFile, List<String> chairs, Supplier<List<Port>> ports, PortDetector detector,
            ProtocolRegistry registry, StationYamlEditor editor, AuditSink audit, java.time.InstantSource clock) {
        this.configFile = configFile;
        this.chairs = List.copyOf(chairs);
        this.ports = Objects.requireNonNull(ports);
        this.detector = Objects.requireNonNull(detector);
        this.registry = Objects.requireNonNull(registry);
        this.editor = Objects.requireNonNull(editor);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The serial ports jSerialComm reports, by system path. */
    static List<Port> systemPorts() {
        List<Port> out = new ArrayList<>();
        for (com.fazecast.jSerialComm.SerialPort p : com.fazecast.jSerialComm.SerialPort.getCommPorts()) {
            String path = p.getSystemPortPath();
            out.add(new Port(path == null || path.isBlank() ? p.getSystemPortName() : path, p.getDescriptivePortName()));
        }
        return out;
    }

    @Override
    public List<Port> ports() {
        return ports.get();
    }

    @Override
    public List<String> protocols() {
        return registry.all().stream().filter(d -> d.defaultLink() instanceof SerialSettings).map(d -> d.key()).toList();
    }

    @Override
    public List<String> chairs() {
        return chairs;
    }

    @Override
    public Detection detect(String port) throws InterruptedException {
        PortDetector.Result r = detector.detect(port);
        List<String> tried = new ArrayList<>();
        for (PortDetector.Attempt a : r.attempts()) {
            tried.add(a.protocol() + ": " + (a.problem() != null ? a.problem() : a.frames() + " frame(s)"));
        }
        return new Detection(port, r.protocol(), tried);
    }

    @Override
    public Saved assign(Actor actor, String port, String protocol, String chairId, String deviceId) {
        if (actor == null || actor.role() != Role.ADMIN) {
            return new Saved(false, "only an admin may change the devices");
        }
        if (configFile == null) {
            return new Saved(false, "the station runs without a configuration file (built-in simulated devices):"
                    + " create config/station.yaml first");
        }
        if (registry.find(protocol).isEmpty()) {
            return new Saved(false, "choose a protocol (or Detect)");
        }
        try {
            StationConfig c = editor.addDevice(configFile, chairId, deviceId, protocol, port);
            audit.record(new AuditEntry(clock.instant(), actor, "device.add", chairId + "/" + deviceId,
                    java.util.Map.of("protocol", protocol, "port", port, "file", configFile.toString())));
            log.info("device {} ({} on {}) added to chair {} in {} by {}", deviceId, protocol, port, chairId, configFile,
                    actor.name());
            return new Saved(true, "Saved: " + deviceId + " (" + protocol + " on " + port + ") on " + chairId + " in "
                    + configFile.getFileName() + " (" + c.chairs().size() + " chairs). Restart the station to use it.");
        } catch (StationYamlEditor.Refused e) {
            return new Saved(false, "Not saved: " + e.getMessage());
        } catch (IOException e) {
            return new Saved(false, "Not saved: cannot write " + configFile + ": " + e.getMessage());
        }
    }

    /** The setup of a station configured by {@code config}. */
    static StationDeviceSetup of(StationConfig config, ProtocolRegistry registry, java.time.InstantSource clock) {
        PortDetector detector = new PortDetector(registry,
                (path, settings) -> new org.vigil.device.transport.SerialTransport(path, settings), clock,
                java.time.Duration.ofSeconds(3));
        return new StationDeviceSetup(config.source(), config.chairs().stream().map(c -> c.id()).toList(),
                StationDeviceSetup::systemPorts, detector, registry, new StationYamlEditor(ConfigLoader.forCurrentUser()),
                AuditSink.NONE, clock);
    }
}
