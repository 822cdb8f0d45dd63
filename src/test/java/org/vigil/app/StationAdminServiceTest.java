package org.vigil.app;

import org.vigil.testsupport.TestActors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.config.AdminPin;
import org.vigil.config.ClinicBounds;
import org.vigil.config.ClinicLimitsFile;
import org.vigil.domain.Vital;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.ChairSpec;
import org.vigil.chair.ClinicDefaultsResult;
import org.vigil.chair.DeviceInfo;
import org.vigil.testsupport.EventsOnly;

class StationAdminServiceTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final InstantSource CLOCK = InstantSource.fixed(T0);

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private final ClinicLimitPolicy policy = new ClinicLimitPolicy(ClinicBounds.defaults());

    private ChairMonitor chair(String id) {
        ChairSpec.Device ox = new ChairSpec.Device(
                new DeviceInfo("ox", "ox", "masimo", "test", Set.of(Vital.SPO2), true),
                new DeviceAlarmProfile("ox", "ox", Duration.ofSeconds(10), null, null));
        return new ChairMonitor(new ChairSpec(id, id, true, List.of(ox)), AlarmConfig.defaults(), CLOCK, Runnable::run,
                new EventsOnly((time, type, detail, user) -> events.add(id + "|" + type + "|" + detail + "|" + user)), policy);
    }

    private final List<org.vigil.domain.AuditEntry> audit = new java.util.concurrent.CopyOnWriteArrayList<>();

    private StationAdminService service(ClinicLimitsFile file, List<ChairMonitor> chairs) {
        return new StationAdminService(file, policy, AlarmConfig.defaults(), () -> chairs, CLOCK, audit::add);
    }

    @Test
    void savingAChairsLimitsWritesTheFileAndPutsThemInForceOnEveryChair() throws Exception {
        ChairMonitor one = chair("chair-1");
        ChairMonitor two = chair("chair-2");
        ClinicLimitsFile file = ClinicLimitsFile.in(dir);
        StationAdminService admin = service(file, List.of(one, two));
        assertTrue(one.changeLimit("spo2.low", 93, TestActors.nurse("alice")).accepted());
        events.clear();

        ClinicDefaultsResult r = admin.saveClinicDefaults("chair-1", TestActors.admin("carol (admin)"));

        assertTrue(r.saved(), r.message());
        assertTrue(r.message().contains(file.path().toString()), r.message());
        assertTrue(r.message().endsWith("in force on 2 chairs"), r.message());
        assertEquals(93, two.alarmConfig().orElseThrow().rule("spo2.low").orElseThrow().threshold());
        assertEquals(93, file.read(AlarmConfig.defaults(), ClinicBounds.defaults()).rule("spo2.low").orElseThrow()
                .threshold());
        assertEquals(List.of(
                "chair-1|limit_changed|alarm=spo2.low old=93 new=93 scope=clinic clinic_old=90|carol (admin)",
                "chair-2|limit_changed|alarm=spo2.low old=90 new=93 scope=clinic clinic_old=90|carol (admin)"), events);
    }

    @Test
    void aSecondSaveComparesWithTheDefaultsOfTheFirst() throws Exception {
        ChairMonitor one = chair("chair-1");
        StationAdminService admin = service(ClinicLimitsFile.in(dir), List.of(one));
        one.changeLimit("spo2.low", 93, TestActors.nurse("alice"));
        admin.saveClinicDefaults("chair-1", TestActors.admin("carol"));
        events.clear();

        admin.saveClinicDefaults("chair-1", TestActors.admin("carol"));

        assertEquals(List.of(), events, "nothing changed since the last save");
    }

    @Test
    void onlyAnAdminSavesClinicDefaultsAndARefusalIsAudited() {
        ChairMonitor one = chair("chair-1");
        StationAdminService admin = service(ClinicLimitsFile.in(dir), List.of(one));
        for (org.vigil.domain.Actor who : List.of(TestActors.nurse("alice"), TestActors.PRESCRIBER, TestActors.AUDITOR,
                org.vigil.domain.Actor.atLockScreen(CLOCK.instant()))) {
            ClinicDefaultsResult r = admin.saveClinicDefaults("chair-1", who);
            assertFalse(r.saved(), who.name());
            assertTrue(r.message().contains("may not change the clinic default limits")
                    || r.message().contains("the screen is locked"), r.message());
        }
        assertFalse(Files.exists(dir.resolve(ClinicLimitsFile.FILE_NAME)));
        assertEquals(4, audit.stream().filter(e -> e.action().equals("command.refused")).count());
        assertTrue(admin.saveClinicDefaults("chair-1", TestActors.admin("carol")).saved());
        assertEquals("limits.clinic_defaults", audit.get(audit.size() - 1).action());
    }

    @Test
    void aFileThatCannotBeWrittenChangesNoChair() throws Exception {
        ChairMonitor one = chair("chair-1");
        ChairMonitor two = chair("chair-2");
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        StationAdminService admin = service(ClinicLimitsFile.in(blocker), List.of(one, two));
        one.changeLimit("spo2.low", 93, TestActors.nurse("alice"));

        ClinicDefaultsResult r = admin.saveClinicDefaults("chair-1", TestActors.admin("carol"));

        assertFalse(r.saved());
        assertTrue(r.message().startsWith("could not write"), r.message());
        assertEquals(90, two.alarmConfig().orElseThrow().rule("spo2.low").orElseThrow().threshold());
    }

    @Test
    void anUnknownChairIsRefused() {
        StationAdminService admin = service(ClinicLimitsFile.in(dir), List.of(chair("chair-1")));
        assertEquals("unknown chair chair-9", admin.saveClinicDefaults("chair-9", TestActors.admin("carol")).message());
    }
}
