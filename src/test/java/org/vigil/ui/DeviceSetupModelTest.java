package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.chair.DeviceSetup;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;

/** The device setup screen's model: admin only; detect in the background fills the protocol; save goes to the station. */
class DeviceSetupModelTest {

    private static final Actor ADMIN = new Actor("a1", "Alex Admin", Role.ADMIN, Instant.EPOCH, "pin");
    private static final Actor NURSE = new Actor("n1", "Nina Nurse", Role.NURSE, Instant.EPOCH, "pin");

    private final List<String> calls = new ArrayList<>();
    private final DeviceSetup station = new DeviceSetup() {
        @Override
        public List<Port> ports() {
            calls.add("ports");
            return List.of(new Port("/dev/ttyUSB0", "FT232R USB UART"), new Port("/dev/ttyUSB1", ""));
        }

        @Override
        public List<String> protocols() {
            return List.of("masimo", "nonin");
        }

        @Override
        public List<String> chairs() {
            return List.of("chair-1", "chair-2");
        }

        @Override
        public Detection detect(String port) {
            calls.add("detect " + port);
            return new Detection(port, Optional.of("nonin"), List.of("masimo: 0 frame(s)", "nonin: 2 frame(s)"));
        }

        @Override
        public Saved assign(Actor actor, String port, String protocol, String chairId, String deviceId) {
            calls.add("assign " + actor.name() + " " + port + " " + protocol + " " + chairId + " " + deviceId);
            return new Saved(true, "Saved");
        }
    };

    @Test
    void anAdminListsDetectsAndSaves() {
        List<Runnable> background = new ArrayList<>();
        DeviceSetupModel m = new DeviceSetupModel(station, () -> ADMIN, background::add, Runnable::run);
        m.refresh();
        assertEquals(2, m.ports().size());
        assertEquals("chair-1", m.chairProperty().get());
        m.portProperty().set("/dev/ttyUSB0");
        m.detect();
        assertTrue(m.busyProperty().get(), "detect runs in the background");
        assertEquals(List.of("ports"), calls, "nothing detected on the calling thread");
        background.forEach(Runnable::run);
        assertEquals("nonin", m.protocolProperty().get());
        assertTrue(m.messageProperty().get().contains("nonin decodes"), m.messageProperty().get());
        m.chairProperty().set("chair-2");
        m.deviceIdProperty().set(" ox2 ");
        m.save();
        assertEquals("assign Alex Admin /dev/ttyUSB0 nonin chair-2 ox2", calls.get(calls.size() - 1));
        assertEquals("Saved", m.messageProperty().get());
    }

    @Test
    void anyoneElseIsToldItIsForAdminsAndNothingHappens() {
        DeviceSetupModel m = new DeviceSetupModel(station, () -> NURSE, Runnable::run, Runnable::run);
        m.refresh();
        m.portProperty().set("/dev/ttyUSB0");
        m.detect();
        m.save();
        assertEquals(List.of(), calls);
        assertEquals(DeviceSetupModel.ADMIN_ONLY, m.messageProperty().get());
        assertEquals(0, m.ports().size());
    }
}
