package org.vigil.ui;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.chair.DeviceSetup;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;

/**
 * The device setup screen's state, without scene-graph types: the ports the OS reports, the port
 * chosen, "detect" (run on {@code background}, its result applied on {@code ui}), the protocol
 * (detected or chosen), the chair and the device id, and a message. Only an admin may use it: for
 * anyone else every action says so and does nothing (the station refuses too).
 */
final class DeviceSetupModel {

    static final String ADMIN_ONLY = "Device setup is for admins: enter admin mode first.";

    private final DeviceSetup setup;
    private final Supplier<Actor> actor;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<DeviceSetup.Port> ports = FXCollections.observableArrayList();
    private final ObservableList<String> protocols = FXCollections.observableArrayList();
    private final ObservableList<String> chairs = FXCollections.observableArrayList();
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty protocol = new SimpleStringProperty("");
    private final StringProperty chair = new SimpleStringProperty("");
    private final StringProperty deviceId = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    DeviceSetupModel(DeviceSetup setup, Supplier<Actor> actor, Executor background, Executor ui) {
        this.setup = Objects.requireNonNull(setup);
        this.actor = Objects.requireNonNull(actor);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
    }

    private boolean admin() {
        if (actor.get().role() == Role.ADMIN) {
            return true;
        }
        message.set(ADMIN_ONLY);
        return false;
    }

    /** Lists the ports, protocols and chairs again. */
    void refresh() {
        if (!admin()) {
            return;
        }
        ports.setAll(setup.ports());
        protocols.setAll(setup.protocols());
        chairs.setAll(setup.chairs());
        if (chair.get().isEmpty() && !chairs.isEmpty()) {
            chair.set(chairs.get(0));
        }
        message.set(ports.isEmpty() ? "No serial ports found: plug the USB-serial adapter in, then Refresh."
                : ports.size() + " serial port(s) found.");
    }

    /** Tries the chosen port with each protocol in turn, in the background. */
    void detect() {
        if (!admin() || busy.get()) {
            return;
        }
        String p = port.get();
        if (p == null || p.isBlank()) {
            message.set("Choose a port first.");
            return;
        }
        busy.set(true);
        message.set("Listening on " + p + " with each protocol in turn\u2026");
        background.execute(() -> {
            DeviceSetup.Detection d;
            try {
                d = setup.detect(p);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                d = new DeviceSetup.Detection(p, java.util.Optional.empty(), List.of("interrupted"));
            } catch (RuntimeException e) {
                d = new DeviceSetup.Detection(p, java.util.Optional.empty(), List.of("failed: " + e.getMessage()));
            }
            DeviceSetup.Detection result = d;
            ui.execute(() -> {
                busy.set(false);
                if (result.protocol().isPresent()) {
                    protocol.set(result.protocol().get());
                    message.set(p + ": " + result.protocol().get() + " decodes. Choose the chair and a device id, then Save.");
                } else {
                    message.set(p + ": no protocol decoded (" + String.join("; ", result.tried())
                            + "). Check the device's serial output setting and cable.");
                }
            });
        });
    }

    /** Adds the device to the chair in the configuration. */
    void save() {
        if (!admin()) {
            return;
        }
        DeviceSetup.Saved s = setup.assign(actor.get(), port.get(), protocol.get(), chair.get(), deviceId.get().strip());
        message.set(s.message());
    }

    ObservableList<DeviceSetup.Port> ports() {
        return ports;
    }

    ObservableList<String> protocols() {
        return protocols;
    }

    ObservableList<String> chairs() {
        return chairs;
    }

    StringProperty portProperty() {
        return port;
    }

    StringProperty protocolProperty() {
        return protocol;
    }

    StringProperty chairProperty() {
        return chair;
    }

    StringProperty deviceIdProperty() {
        return deviceId;
    }

    StringProperty messageProperty() {
        return message;
    }

    BooleanProperty busyProperty() {
        return busy;
    }
}
