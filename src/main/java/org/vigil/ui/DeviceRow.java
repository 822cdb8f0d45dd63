package org.vigil.ui;

import org.vigil.session.ConnectionState;

/** One device in the status bar; {@code state} is null until the station reports one. */
record DeviceRow(String id, String label, String endpoint, ConnectionState state) {

    String stateText() {
        return state == null ? "UNKNOWN" : state.name().replace('_', ' ');
    }
}
