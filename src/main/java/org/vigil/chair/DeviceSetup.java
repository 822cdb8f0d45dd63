package org.vigil.chair;

import java.util.List;
import java.util.Optional;
import org.vigil.domain.Actor;

/**
 * The device setup screen's port to the station (the app fills it): the serial ports the OS
 * reports, "detect" (each protocol's settings in turn, keeping the one that decodes), and adding
 * a device on a port to a chair in {@code station.yaml}. Admin only: the implementation refuses
 * an actor without the admin role, whatever the screen shows. {@link #detect} blocks for seconds:
 * call it off the FX thread.
 */
public interface DeviceSetup {

    /** A serial port as the OS reports it. */
    record Port(String path, String description) {
    }

    /** What detect found on a port: the protocol, if one decoded, and one line per protocol tried. */
    record Detection(String port, Optional<String> protocol, List<String> tried) {
        public Detection {
            tried = List.copyOf(tried);
        }
    }

    /** The outcome of saving: done or refused, with the reason in words. */
    record Saved(boolean done, String message) {
    }

    /** No device setup (tests, a station without a configuration file). */
    DeviceSetup UNAVAILABLE = new DeviceSetup() {
        @Override
        public List<Port> ports() {
            return List.of();
        }

        @Override
        public List<String> protocols() {
            return List.of();
        }

        @Override
        public List<String> chairs() {
            return List.of();
        }

        @Override
        public Detection detect(String port) {
            return new Detection(port, Optional.empty(), List.of("device setup is not available here"));
        }

        @Override
        public Saved assign(Actor actor, String port, String protocol, String chairId, String deviceId) {
            return new Saved(false, "device setup is not available here");
        }
    };

    /** The serial ports the OS reports now. */
    List<Port> ports();

    /** The serial protocols' keys, for choosing by hand. */
    List<String> protocols();

    /** The chairs' ids, in configuration order. */
    List<String> chairs();

    /** Tries {@code port} with each protocol in turn (blocks). */
    Detection detect(String port) throws InterruptedException;

    /**
     * Adds device {@code deviceId} speaking {@code protocol} on {@code port} to chair {@code chairId}
     * in the configuration file, as {@code actor} (refused unless an admin); it is used from the next start.
     */
    Saved assign(Actor actor, String port, String protocol, String chairId, String deviceId);
}
