package org.vigil.chair;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection state of each device of a chair as the screen shows it: CONNECTING until the
 * port is open, NEGOTIATING while a request/response protocol's session is not yet established,
 * CONNECTED while frames arrive, SENSOR_OFF while they say the sensor is off or unplugged,
 * NO_DATA once a device has been silent for its timeout, DISCONNECTED while its port is gone.
 * Updated on the core thread, read from any.
 */
final class DeviceLiveness {

    private final Map<String, ConnectionState> states = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastHeard = new HashMap<>();
    private final java.util.Set<String> negotiating = new java.util.HashSet<>();
    private final Map<String, Duration> timeouts = new LinkedHashMap<>();
    private final Instant start;

    DeviceLiveness(Instant start) {
        this.start = start;
    }

    void add(String deviceId, Duration silenceTimeout) {
        timeouts.put(deviceId, silenceTimeout);
        states.put(deviceId, ConnectionState.CONNECTING);
    }

    void connected(String deviceId) {
        negotiating.remove(deviceId);
        problems.remove(deviceId);
        states.put(deviceId, ConnectionState.CONNECTING);
    }

    /** The port is gone or could not be opened, for {@code reason} (plain words, what to check). */
    void disconnected(String deviceId, String reason) {
        if (reason != null && !reason.isBlank()) {
            problems.put(deviceId, reason);
        }
        states.put(deviceId, ConnectionState.DISCONNECTED);
    }

    /** The protocol session of a freshly opened link is negotiating: frames without values do not make it OK. */
    void negotiating(String deviceId) {
        negotiating.add(deviceId);
        ConnectionState s = states.get(deviceId);
        if (s == ConnectionState.CONNECTING || s == ConnectionState.CONNECTED) {
            states.put(deviceId, ConnectionState.NEGOTIATING);
        }
    }

    /** The protocol session is established: the next frame makes the device OK. */
    void negotiated(String deviceId) {
        negotiating.remove(deviceId);
    }

    /** A frame with values came at {@code t}; {@code sensorOff} when its readings say the sensor is off. */
    void heard(String deviceId, Instant t, boolean sensorOff) {
        negotiating.remove(deviceId);
        lastHeard.put(deviceId, t);
        states.put(deviceId, sensorOff ? ConnectionState.SENSOR_OFF : ConnectionState.CONNECTED);
    }

    /** A frame came at {@code t} without values for this chair (a pleth sample): a sensor-off state stays. */
    void heard(String deviceId, Instant t) {
        lastHeard.put(deviceId, t);
        if (negotiating.contains(deviceId)) {
            states.put(deviceId, ConnectionState.NEGOTIATING);
        } else if (states.get(deviceId) != ConnectionState.SENSOR_OFF) {
            states.put(deviceId, ConnectionState.CONNECTED);
        }
    }

    /** Marks devices silent past their timeout as NO_DATA. */
    void tick(Instant now) {
        for (Map.Entry<String, Duration> e : timeouts.entrySet()) {
            String id = e.getKey();
            Instant since = lastHeard.getOrDefault(id, start);
            ConnectionState s = states.get(id);
            boolean silent = !now.isBefore(since.plus(e.getValue()));
            if (silent && s != ConnectionState.NO_DATA && s != ConnectionState.DISCONNECTED) {
                states.put(id, ConnectionState.NO_DATA);
            }
        }
    }

    /** Why each disconnected device is not connected, in plain words; devices without a known reason are absent. */
    Map<String, String> problems() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String id : timeouts.keySet()) {
            String p = problems.get(id);
            if (p != null && states.get(id) == ConnectionState.DISCONNECTED) {
                m.put(id, p);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** States in the chair's device order. */
    Map<String, ConnectionState> snapshot() {
        Map<String, ConnectionState> m = new LinkedHashMap<>();
        for (String id : timeouts.keySet()) {
            m.put(id, states.get(id));
        }
        return Collections.unmodifiableMap(m);
    }
}
