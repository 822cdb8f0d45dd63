package org.vigil.ui;

import org.vigil.chair.ConnectionState;
import org.vigil.domain.DeviceIdentity;

/**
 * One device in the status bar; {@code state} is null until the station reports one.
 * {@code problem} is the station's plain-words reason a disconnected device is not connected
 * (empty when none is known); {@code identity} what the device told about itself (unknown when
 * it told nothing).
 */
record DeviceRow(String id, String label, String endpoint, ConnectionState state, String problem, DeviceIdentity identity) {

    DeviceRow {
        problem = problem == null ? "" : problem;
        identity = identity == null ? DeviceIdentity.UNKNOWN : identity;
    }

    DeviceRow(String id, String label, String endpoint, ConnectionState state, String problem) {
        this(id, label, endpoint, state, problem, DeviceIdentity.UNKNOWN);
    }

    DeviceRow(String id, String label, String endpoint, ConnectionState state) {
        this(id, label, endpoint, state, "");
    }

    /**
     * The small line naming the device as it identified itself: {@code Philips 866062 · SN DE351A4061
     * · sw L.01.18}; empty when it told nothing (the label and endpoint then say all that is known).
     */
    String identityText() {
        java.util.List<String> parts = new java.util.ArrayList<>(3);
        if (!identity.makeAndModel().isEmpty()) {
            parts.add(identity.makeAndModel());
        }
        if (!identity.serial().isEmpty()) {
            parts.add("SN " + identity.serial());
        } else if (!identity.eui64().isEmpty()) {
            parts.add("EUI-64 " + identity.eui64());
        }
        if (!identity.software().isEmpty()) {
            parts.add("sw " + identity.software());
        }
        return String.join(" \u00b7 ", parts);
    }

    /** The short state badge: CONNECTING, NEGOTIATING, OK, SENSOR OFF, NO DATA, DISCONNECTED. */
    String stateText() {
        return text(state);
    }

    /** The badge of {@code state}, in words a nurse understands. */
    static String text(ConnectionState state) {
        if (state == null) {
            return "UNKNOWN";
        }
        return state == ConnectionState.CONNECTED ? "OK" : state.name().replace('_', ' ');
    }

    /** The line under the badge: the endpoint while all is well, otherwise what is wrong and what to check. */
    String detailText() {
        if (state == null) {
            return endpoint + ": waiting for the station";
        }
        return switch (state) {
            case CONNECTED -> endpoint;
            case CONNECTING -> endpoint + ": port open, waiting for the first message";
            case NEGOTIATING -> endpoint + ": port open, the device is answering the station's greeting";
            case SENSOR_OFF -> "the device reports its sensor off: check the sensor on the patient and its cable";
            case NO_DATA -> "nothing received on " + endpoint + ": check that the device is on and its cable is in";
            case DISCONNECTED -> problem.isEmpty() ? endpoint + " not connected: check the cable; retrying" : problem;
        };
    }
}
