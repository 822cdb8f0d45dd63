package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.session.ChairMonitor;
import org.vigil.session.ChairSpec;
import org.vigil.session.DeviceInfo;
import org.vigil.session.SessionRecorder;

/**
 * The bedside monitor drops out while the patient's heart rate is 136: the chair's stored and
 * on-screen alarm logs say the HR alarm ended because its source was lost, and the monitor's
 * no data alarm stays on screen.
 */
class AlarmLogSourceLostTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private Instant now = T0;
    private final InstantSource clock = () -> now;
    private final List<AlarmEvent> stored = new ArrayList<>();
    private final ChairMonitor chair = new ChairMonitor(new ChairSpec("c1", "Chair 1", true, List.of(
            new ChairSpec.Device(new DeviceInfo("ox", "SpO2 device", "masimo", "test", Set.of(Vital.SPO2, Vital.PR), true),
                    new DeviceAlarmProfile("ox", "SpO2 device", Duration.ofSeconds(10), null, null)),
            new ChairSpec.Device(new DeviceInfo("mon", "Monitor", "ivy", "test", Set.of(Vital.HR, Vital.NIBP_SYS), true),
                    new DeviceAlarmProfile("mon", "Monitor", Duration.ofSeconds(10), Duration.ofMinutes(5), null)))),
            AlarmConfig.defaults(), clock, Runnable::run, new SessionRecorder() {
                @Override
                public void reading(Reading reading) {
                }

                @Override
                public void alarm(AlarmEvent event) {
                    stored.add(event);
                }

                @Override
                public void event(Instant time, String type, String detail, String user) {
                }
            });

    @Test
    void aMonitorThatDropsOutEndsItsHeartRateAlarmAsSourceLost() {
        for (int s = 0; s <= 90; s++) {
            now = T0.plusSeconds(s);
            chair.onReadings("ox", List.of(new Reading(now, "ox", Vital.SPO2, 97, Set.of()),
                    new Reading(now, "ox", Vital.PR, 136, Set.of())));
            if (s <= 40) { // the monitor's cable comes loose after 40 s
                List<Reading> mon = new ArrayList<>(List.of(new Reading(now, "mon", Vital.HR, 136, Set.of())));
                if (s == 0) {
                    mon.add(new Reading(now, "mon", Vital.NIBP_SYS, 126, Set.of()));
                }
                chair.onReadings("mon", mon);
            }
            for (int k = 1; k <= 10; k++) {
                now = T0.plusSeconds(s).plusMillis(100L * k);
                chair.tick();
            }
        }
        AlarmEvent ended = stored.stream().filter(e -> e.alarmId().equals("hr.very_high") && e.sourceLost()).findFirst()
                .orElseThrow(() -> new AssertionError("no source-lost end in " + stored));
        assertEquals("HR 136 \u2265 130 \u00B7 ended: source lost (Monitor: no data)", ended.message());
        assertTrue(chair.alarms().alarms().stream().anyMatch(a -> a.id().equals("mon.no_data")), "the technical alarm stays");

        AlarmLogViewModel log = new AlarmLogViewModel(chair, ZoneOffset.UTC);
        log.refresh();
        AlarmLogRow row = log.rows().stream().filter(r -> r.alarmId().equals("hr.very_high") && r.event().startsWith("ended"))
                .findFirst().orElseThrow();
        assertEquals("ended: source lost", row.event());
        assertTrue(row.detail().endsWith("(Monitor: no data)"), row.detail());
    }
}
