package org.vigil.ui;

import org.vigil.chair.ConnectionState;

/**
 * One device in the status bar; {@code state} is null until the station reports one.
 * {@code problem} is the station's plain-words reason a disconnected device is not connected
 * (empty when none is known).
 */
record DeviceRow(String id, String label, String endpoint, ConnectionState state, String problem) {

    DeviceRow {
        problem = problem == null ? "" : problem;
    }

    DeviceRow(String id, String label, String endpoint, ConnectionState state) {
        this(id, label, endpoint, state, "");
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
