package org.vigil.chair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.domain.Actor;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.Reading;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.Role;
import org.vigil.domain.Vital;
import org.vigil.session.DoseCalculation;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.Phase;
import org.vigil.session.SessionRules;

/**
 * The chair records a device's identity each time it changes, into the record of the moment, and
 * starts every new record (check-in, discharge) with the identities in force, so each session's
 * record names the devices that measured in it; the screens read the identities in force.
 */
class ChairMonitorIdentityTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Patient PATIENT = new Patient(0, "100234", "Doe, Jane", LocalDate.of(1980, 5, 2), 82.0, "");
    private static final InfusionOrder ORDER = new InfusionOrder(82, 0.5, 10, 40, "Dr Grey");
    private static final Actor NURSE = new Actor("u1", "nurse.kim", Role.NURSE, T0, "login");
    private static final DeviceIdentity PROBE_1 = DeviceIdentity.serialOnly("0000056661");
    private static final DeviceIdentity PROBE_2 = DeviceIdentity.serialOnly("0000071234");
    private static final DeviceIdentity MONITOR = new DeviceIdentity("Philips", "866062", "DE351A4061", "L.01.18", "");

    /** A record that keeps the identities it was given, named after the record. */
    private static final class Record implements SessionRecorder {
        final String name;
        final List<DeviceIdentityChange> identities = new ArrayList<>();

        Record(String name) {
            this.name = name;
        }

        @Override
        public void reading(Reading reading) {
        }

        @Override
        public void alarm(AlarmEvent event) {
        }

        @Override
        public void event(RecordedEvent event) {
        }

        @Override
        public void identity(DeviceIdentityChange change) {
            identities.add(change);
        }
    }

    private Instant now = T0;
    private final Record between = new Record("between");
    private final List<Record> records = new ArrayList<>(List.of(between));
    private final ChairMonitor chair = new ChairMonitor(
            new ChairSpec("c1", "Chair 1", false, List.of(
                    device("ox", Set.of(Vital.SPO2, Vital.PR)),
                    device("mon", Set.of(Vital.HR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN)))),
            AlarmConfig.defaults(), () -> now, Runnable::run, between, LimitPolicy.PERMISSIVE, SessionRules.DEFAULTS,
            new SessionRecords() {
                @Override
                public SessionRecorder startClinical(SessionRecorder current, Patient patient, InfusionOrder order,
                        DoseCalculation dose, Instant at) {
                    return next("clinical");
                }

                @Override
                public SessionRecorder endClinical(SessionRecorder clinical, Phase reached, Instant at) {
                    return next("between again");
                }
            });

    private Record next(String name) {
        Record r = new Record(name);
        records.add(r);
        return r;
    }

    private static ChairSpec.Device device(String id, Set<Vital> vitals) {
        return new ChairSpec.Device(new DeviceInfo(id, id, "masimo", "test", vitals, false),
                new DeviceAlarmProfile(id, id, Duration.ofSeconds(10), null, null));
    }

    private static DeviceIdentityChange change(String device, Instant at, DeviceIdentity id) {
        return new DeviceIdentityChange(device, at, id);
    }

    @Test
    void eachChangeIsRecordedOnceAndTheScreenSeesTheIdentityInForce() {
        chair.onIdentity(change("ox", T0, PROBE_1));
        chair.onIdentity(change("ox", T0.plusSeconds(1), PROBE_1)); // the same probe after a reconnect
        chair.onIdentity(change("mon", T0.plusSeconds(2), MONITOR));
        chair.onIdentity(change("ox", T0.plusSeconds(60), PROBE_2));
        chair.onIdentity(change("elsewhere", T0.plusSeconds(61), PROBE_1)); // not a device of this chair

        assertEquals(List.of(change("ox", T0, PROBE_1), change("mon", T0.plusSeconds(2), MONITOR),
                change("ox", T0.plusSeconds(60), PROBE_2)), between.identities);
        assertEquals(Map.of("ox", PROBE_2, "mon", MONITOR), chair.deviceIdentities());
    }

    @Test
    void aNewRecordStartsWithTheIdentitiesInForceAndThenRecordsItsOwnChanges() {
        chair.onIdentity(change("ox", T0, PROBE_1));
        chair.onIdentity(change("mon", T0, MONITOR));
        now = T0.plusSeconds(300);
        assertTrue(chair.clinical().checkIn(PATIENT, ORDER, false, NURSE).join().done());
        now = T0.plusSeconds(900);
        chair.onIdentity(change("ox", now, PROBE_2));

        Record clinical = records.get(1);
        assertEquals("clinical", clinical.name);
        assertEquals(List.of(change("ox", T0.plusSeconds(300), PROBE_1), change("mon", T0.plusSeconds(300), MONITOR),
                change("ox", T0.plusSeconds(900), PROBE_2)), clinical.identities);
        assertEquals(List.of(change("ox", T0, PROBE_1), change("mon", T0, MONITOR)), between.identities,
                "the record before check-in keeps its own");
    }
}
