package org.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;

/**
 * Schema step 8: what each device of a session told about itself, each change with its time,
 * written through the recording writer in order with the readings; a database at step 7 migrates
 * forward with its sessions intact (their devices told nothing then).
 */
class DeviceIdentitySchemaTest {

    private static final DeviceIdentity MONITOR = new DeviceIdentity("Philips", "866062", "DE351A4061", "L.01.18",
            "0009FBFFFF88C1BD");
    private static final DeviceIdentity PROBE_1 = DeviceIdentity.serialOnly("0000056661");
    private static final DeviceIdentity PROBE_2 = DeviceIdentity.serialOnly("0000071234");

    @TempDir
    Path dir;

    private static DeviceIdentityChange change(String device, int second, DeviceIdentity id) {
        return new DeviceIdentityChange(device, Fixtures.T0.plusSeconds(second), id);
    }

    @Test
    void eachChangeIsRecordedWithItsTimeAndARepeatedIdentityIsReadOnce() throws Exception {
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("v.db"))) {
            long id = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0));
            try (RecordingWriter w = new RecordingWriter(db, new TestListener())) {
                w.append(id, change("mon", 0, MONITOR));
                w.append(id, change("ox", 1, PROBE_1));
                w.append(id, change("ox", 600, PROBE_2));
                // the station restarted during the session and heard the same probe again
                w.append(id, change("ox", 900, PROBE_2));
                w.flush();
            }
            assertThat(db.sessions().session(id).orElseThrow().identities()).containsExactly(
                    change("mon", 0, MONITOR), change("ox", 1, PROBE_1), change("ox", 600, PROBE_2));
            List<DeviceIdentityChange> ids = db.sessions().session(id).orElseThrow().identities();
            assertThat(DeviceIdentityChange.at(ids, "ox", Fixtures.T0.plusSeconds(599))).isEqualTo(PROBE_1);
            assertThat(DeviceIdentityChange.at(ids, "ox", Fixtures.T0.plusSeconds(600))).isEqualTo(PROBE_2);
            assertThat(DeviceIdentityChange.at(ids, "mon", Fixtures.T0.minusSeconds(1))).isEqualTo(DeviceIdentity.UNKNOWN);
        }
    }

    @Test
    void identitiesBelongToTheirSessionOnly() throws Exception {
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("v.db"))) {
            long a = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0));
            long b = db.sessions().startSession(Fixtures.newSession("chair2", Fixtures.T0));
            try (RecordingWriter w = new RecordingWriter(db, new TestListener())) {
                w.append(a, change("ox", 1, PROBE_1));
                w.append(b, change("ox", 2, PROBE_2));
                w.flush();
            }
            assertThat(db.sessions().session(a).orElseThrow().identities()).containsExactly(change("ox", 1, PROBE_1));
            assertThat(db.sessions().session(b).orElseThrow().identities()).containsExactly(change("ox", 2, PROBE_2));
        }
    }

    @Test
    void aDatabaseAtStepSevenMigratesForwardWithItsSessionsIntact() throws Exception {
        Path file = dir.resolve("old.db");
        long old;
        List<Migration> upToSeven = Schema.MIGRATIONS.stream().filter(m -> m.version() <= 7).toList();
        try (VigilDatabase db = VigilDatabase.open(file, upToSeven)) {
            assertThat(db.schemaVersion()).isEqualTo(7);
            old = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0));
            try (var c = db.connect()) {
                assertThat(Fixtures.count(c, "SELECT count(*) FROM sqlite_master WHERE name = 'device_identity'")).isZero();
            }
        }
        try (VigilDatabase db = VigilDatabase.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(8);
            SessionInfo before = db.sessions().session(old).orElseThrow();
            assertThat(before.devices()).extracting(SessionDevice::deviceId).containsExactly("ox", "mon");
            assertThat(before.identities()).isEmpty();
            long id = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0.plusSeconds(3600)));
            try (RecordingWriter w = new RecordingWriter(db, new TestListener())) {
                w.append(id, change("mon", 3600, MONITOR));
                w.flush();
            }
            assertThat(db.sessions().session(id).orElseThrow().identities()).containsExactly(change("mon", 3600, MONITOR));
            try (var c = db.connect()) {
                assertThat(Fixtures.text(c, "SELECT description FROM schema_version WHERE version = 8"))
                        .isEqualTo("device identity per session, each change with its time");
            }
        }
    }

    @Test
    void aDeviceThatToldNothingHasNoRowAndEmptyFieldsStayEmpty() throws Exception {
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("v.db"))) {
            long id = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0));
            try (RecordingWriter w = new RecordingWriter(db, new TestListener())) {
                w.append(id, change("ox", 1, new DeviceIdentity(null, "CMS50E", null, null, null)));
                w.flush();
            }
            try (var c = db.connect()) {
                assertThat(Fixtures.text(c, "SELECT serial || '|' || model || '|' || eui64 FROM device_identity"))
                        .isEqualTo("|CMS50E|");
            }
            Instant t = Fixtures.T0.plusSeconds(5);
            assertThat(DeviceIdentityChange.at(db.sessions().session(id).orElseThrow().identities(), "mon", t))
                    .isEqualTo(DeviceIdentity.UNKNOWN);
        }
    }
}
