package org.vigil.chair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.TechnicalAlarmType;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;

/** Acknowledging a station-wide alarm is recorded in the audit trail like a chair's, with how the person was there. */
class StationMonitorAuditTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void anAcknowledgementAtTheLockScreenIsAuditedAsSuch() {
        List<AuditEntry> audit = new CopyOnWriteArrayList<>();
        StationMonitor station = new StationMonitor(AlarmConfig.defaults(), () -> T0, Runnable::run, audit::add);
        station.fault(TechnicalAlarmType.AUDIO_UNAVAILABLE, true, "no sound output device");
        station.acknowledge(Actor.atLockScreen(T0));
        assertEquals(1, audit.size(), () -> "audit: " + audit);
        AuditEntry e = audit.get(0);
        assertEquals("alarm.acknowledged", e.action());
        assertEquals("station", e.target());
        assertEquals("lock-screen", e.actor().userId());
        assertEquals(Map.of("how", "lock-screen"), e.detail());
        assertEquals(T0, e.at());
    }
}
