package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.alarm.Priority;
import org.vigil.alarm.TechnicalAlarmType;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.ChairSpec;
import org.vigil.chair.DeviceInfo;
import org.vigil.chair.SessionRecorder;
import org.vigil.chair.StationMonitor;

/**
 * The nurse's station at the bedside: two chairs on 1 Hz oximeters and monitors with a cuff every
 * 5 minutes, no sound card (alarm audio unavailable from the start), severe hypertension on chair 1.
 * Real chair cores and station core on one thread and an injected clock; the screens' view models
 * read them as the window does, once per frame.
 */
class StationStripTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final long FRAME = 16_666_667L;

    private Instant now = T0;
    private final InstantSource clock = () -> now;
    private final List<AlarmEvent> chair1Log = new ArrayList<>();
    private final List<AlarmEvent> chair2Log = new ArrayList<>();
    private final ChairMonitor chair1 = chair("c1", "Chair 1", chair1Log);
    private final ChairMonitor chair2 = chair("c2", "Chair 2", chair2Log);
    private final StationMonitor station = new StationMonitor(AlarmConfig.defaults(), clock, Runnable::run);
    private final ChairViewModel screen1 = new ChairViewModel(chair1, () -> org.vigil.testsupport.TestActors.nurse("carol"), ZoneOffset.UTC);
    private final ChairViewModel screen2 = new ChairViewModel(chair2, () -> org.vigil.testsupport.TestActors.nurse("carol"), ZoneOffset.UTC);
    private final StationStripModel strip = new StationStripModel(station, () -> org.vigil.testsupport.TestActors.nurse("carol"));
    private long frame;

    StationStripTest() {
        // as the station does: the station's alarm events are written into each session's record
        station.addAlarmListener(chair1::recordStationAlarm);
        station.addAlarmListener(chair2::recordStationAlarm);
    }

    private ChairMonitor chair(String id, String label, List<AlarmEvent> log) {
        List<ChairSpec.Device> devices = List.of(
                new ChairSpec.Device(new DeviceInfo("ox", "SpO2 device", "masimo", "test",
                        Set.of(Vital.SPO2, Vital.PR), true),
                        new DeviceAlarmProfile("ox", "SpO2 device", Duration.ofSeconds(10), null, "mon")),
                new ChairSpec.Device(new DeviceInfo("mon", "Monitor", "ivy", "test",
                        Set.of(Vital.HR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN), true),
                        new DeviceAlarmProfile("mon", "Monitor", Duration.ofSeconds(10), Duration.ofMinutes(5), null)));
        return new ChairMonitor(new ChairSpec(id, label, true, devices), AlarmConfig.defaults(), clock, Runnable::run,
                new SessionRecorder() {
                    @Override
                    public void reading(Reading reading) {
                    }

                    @Override
                    public void alarm(AlarmEvent event) {
                        log.add(event);
                    }

                    @Override
                    public void event(org.vigil.domain.RecordedEvent event) {
                    }
                });
    }

    /** Seconds {@code from}..{@code to}: 1 Hz numerics on both chairs, cuffs at each 5-minute mark, ticks every 100 ms, a frame per second. */
    private void run(int from, int to, double chair1Sys) {
        for (int s = from; s <= to; s++) {
            now = T0.plusSeconds(s);
            for (ChairMonitor c : List.of(chair1, chair2)) {
                c.onReadings("ox", List.of(new Reading(now, "ox", Vital.SPO2, 97, Set.of()),
                        new Reading(now, "ox", Vital.PR, 74, Set.of())));
                List<Reading> mon = new ArrayList<>(List.of(new Reading(now, "mon", Vital.HR, 74, Set.of())));
                if (s % 300 == 0) {
                    double sys = c == chair1 ? chair1Sys : 122;
                    mon.add(new Reading(now, "mon", Vital.NIBP_SYS, sys, Set.of()));
                    mon.add(new Reading(now, "mon", Vital.NIBP_DIA, 84, Set.of()));
                    mon.add(new Reading(now, "mon", Vital.NIBP_MEAN, 97, Set.of()));
                }
                c.onReadings("mon", mon);
            }
            for (int k = 1; k <= 10; k++) {
                now = T0.plusSeconds(s).plusMillis(100L * k);
                chair1.tick();
                chair2.tick();
                station.tick();
            }
            frame += 60 * FRAME;
            screen1.onFrame(frame);
            screen2.onFrame(frame);
            strip.onFrame(frame);
        }
    }

    @Test
    void aStationFaultIsShownOnceAboveTheChairsAndNeverTakesAPatientsBanner() {
        station.fault(TechnicalAlarmType.AUDIO_UNAVAILABLE, true, "no sound output device"); // at start-up
        run(0, 299, 150);
        run(300, 600, 188); // chair 1: NIBP sys 188 at 5 min

        AlarmAreaModel area1 = screen1.alarmArea();
        assertEquals("NIBP sys 188 \u2265 180", area1.bannerTextProperty().get());
        assertTrue(chair1.alarms().alarms().stream().noneMatch(a -> a.id().startsWith("station.")),
                "no chair holds the station's alarm: " + chair1.alarms().alarms());
        assertNull(screen2.alarmArea().highestProperty().get(), "chair 2's tab is not coloured by the station fault");
        assertEquals(AlarmAreaModel.NO_ALARMS, screen2.alarmArea().bannerTextProperty().get());

        assertTrue(strip.shownProperty().get());
        String text = strip.textProperty().get();
        assertEquals(text.indexOf("alarm audio unavailable"), text.lastIndexOf("alarm audio unavailable"),
                "shown once: " + text);
        assertEquals("HIGH ESCALATED  Station: alarm audio unavailable (no sound output device)", text);
        assertFalse(strip.nothingToAcknowledgeProperty().get());

        strip.acknowledge();
        run(601, 602, 188);
        ActiveAlarm audio = station.alarms().alarms().get(0);
        assertTrue(audio.acknowledged(), "one acknowledge for the whole station");
        assertTrue(strip.nothingToAcknowledgeProperty().get());
        assertTrue(strip.shownProperty().get(), "still shown while audio is unavailable");
        assertEquals("HIGH ACK ESCALATED  Station: alarm audio unavailable (no sound output device)",
                strip.textProperty().get());
        assertFalse(chair1.alarms().alarms().stream().filter(a -> a.id().equals("nibp_sys.very_high")).findFirst()
                .orElseThrow().acknowledged(), "acknowledging the station does not acknowledge a patient alarm");
        assertEquals(Priority.HIGH, area1.highestProperty().get());

        // each session's record shows the station's state, once per session
        for (List<AlarmEvent> log : List.of(chair1Log, chair2Log)) {
            assertEquals(List.of("raised", "escalated", "acknowledged"), log.stream()
                    .filter(e -> e.alarmId().equals("station.audio_unavailable")).map(e -> e.type().key()).toList());
        }
        assertNotEquals(0, chair1.alarmLog().size());
    }

    @Test
    void theStripTakesNoRoomWithoutAStationFault() {
        run(0, 5, 150);
        assertFalse(strip.shownProperty().get());
        assertEquals("", strip.textProperty().get());
    }
}
