package org.vigil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** What a chair keeps for its screen stays bounded over a long session and keeps every extreme. */
class ScreenHistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private Instant now = T0;

    private ChairMonitor chair() {
        InstantSource clock = () -> now;
        return new ChairMonitor(new ChairSpec("c", "Chair", true, List.of(
                device("ox", "masimo", Set.of(Vital.SPO2, Vital.PR, Vital.PI)),
                device("mon", "ivy", Set.of(Vital.HR, Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN)))),
                AlarmConfig.defaults(), clock, Runnable::run, SessionRecorder.NONE);
    }

    private static ChairSpec.Device device(String id, String p, Set<Vital> vitals) {
        return new ChairSpec.Device(new DeviceInfo(id, id, p, "test", vitals, true),
                new DeviceAlarmProfile(id, id, Duration.ofSeconds(10), null, null));
    }

    private Reading reading(String device, Vital v, double value) {
        return new Reading(now, device, v, value, Set.of());
    }

    /** 1 Hz HR, PR, SpO2, PI and RR with a cuff every 5 minutes; {@code spo2At} gives SpO2 per second. */
    private void session(ChairMonitor c, int seconds, java.util.function.IntToDoubleFunction spo2At) {
        for (int s = 0; s < seconds; s++) {
            now = T0.plusSeconds(s);
            c.onReadings("ox", List.of(reading("ox", Vital.SPO2, spo2At.applyAsDouble(s)),
                    reading("ox", Vital.PR, 72 + s % 5), reading("ox", Vital.PI, 3.1)));
            List<Reading> mon = new ArrayList<>(List.of(reading("mon", Vital.HR, 72 + s % 5), reading("mon", Vital.RR, 14)));
            if (s % 300 == 30) {
                mon.addAll(List.of(reading("mon", Vital.NIBP_SYS, 120 + s / 300), reading("mon", Vital.NIBP_DIA, 80),
                        reading("mon", Vital.NIBP_MEAN, 93)));
            }
            c.onReadings("mon", mon);
            c.tick();
            c.drainReadings(r -> { }, Integer.MAX_VALUE); // the screen keeps up
        }
    }

    @Test
    void eightHoursAtOneHertzKeepAFixedNumberOfPointsPerSeriesAndEveryCuffReading() {
        ChairMonitor c = chair();
        session(c, 8 * 3600, s -> 97);

        List<Reading> h = c.history();
        int perSeries = ScreenHistory.RECENT + 2 * ScreenHistory.BUCKETS;
        for (Vital v : List.of(Vital.HR, Vital.PR, Vital.SPO2, Vital.PI, Vital.RR)) {
            long n = h.stream().filter(r -> r.vital() == v && r.hasValue()).count();
            assertTrue(n <= perSeries, v + ": " + n + " points after 8 h of 1 Hz, bound " + perSeries);
            assertTrue(n > ScreenHistory.RECENT, v + " still covers the whole session: " + n);
            assertEquals(T0, h.stream().filter(r -> r.vital() == v).findFirst().orElseThrow().time(),
                    v + " starts at the session's first second");
        }
        assertEquals(96, h.stream().filter(r -> r.vital() == Vital.NIBP_SYS).count(), "every cuff reading of 8 h");
        // 28,800 readings per vital went in; the screen keeps a few thousand, never more
        assertTrue(h.size() < 5 * perSeries + 3 * 96, "retained " + h.size());
        assertTrue(h.stream().noneMatch(r -> !r.hasValue()), "a continuous session has no breaks");
    }

    @Test
    void aThreeSecondDesaturationInAnEightHourSessionSurvivesDecimation() {
        ChairMonitor c = chair();
        int dip = 2 * 3600 + 17; // 02:00:17, long since decimated at the end
        session(c, 8 * 3600, s -> s >= dip && s < dip + 3 ? (s == dip + 1 ? 79 : 86) : 97);

        List<Reading> spo2 = c.history().stream().filter(r -> r.vital() == Vital.SPO2 && r.hasValue()).toList();
        assertTrue(spo2.size() < 30_000 / 10, "decimated: " + spo2.size());
        Reading lowest = spo2.stream().min(java.util.Comparator.comparingDouble(Reading::value)).orElseThrow();
        assertEquals(79, lowest.value());
        assertEquals(T0.plusSeconds(dip + 1), lowest.time(), "the extreme keeps its own time");
    }

    @Test
    void aSingleSampleSpikeAmongThirtyThousandSurvivesBothWays() {
        ScreenHistory h = new ScreenHistory();
        for (int s = 0; s < 32_000; s++) {
            double v = s == 4321 ? 168 : s == 9876 ? 31 : 70;
            h.add(new Reading(T0.plusSeconds(s), "mon", Vital.HR, v, Set.of()));
        }
        List<Reading> r = h.readings();
        assertTrue(r.size() <= ScreenHistory.RECENT + 2 * ScreenHistory.BUCKETS, "bounded: " + r.size());
        assertTrue(r.stream().anyMatch(x -> x.value() == 168 && x.time().equals(T0.plusSeconds(4321))), "the high spike");
        assertTrue(r.stream().anyMatch(x -> x.value() == 31 && x.time().equals(T0.plusSeconds(9876))), "the low spike");
        assertEquals(h.retained(), r.size());
    }

    @Test
    void aDropoutOrAnInvalidStretchStaysABreakAfterDecimation() {
        ScreenHistory h = new ScreenHistory();
        for (int s = 0; s < 20_000; s++) {
            if (s >= 1000 && s < 1060) {
                continue; // the probe was off the finger for a minute: nothing arrived
            }
            Set<ReadingFlag> flags = s >= 5000 && s < 5030 ? Set.of(ReadingFlag.SENSOR_OFF) : Set.of();
            h.add(new Reading(T0.plusSeconds(s), "ox", Vital.SPO2, 97, flags));
        }
        List<Instant> breaks = h.readings().stream().filter(r -> !r.isValid()).map(Reading::time).toList();
        // a bucket is at most 32 s wide here: each break lies within a bucket of where it happened
        java.util.function.Predicate<Instant> nearDropout = t -> t.isAfter(T0.plusSeconds(960)) && t.isBefore(T0.plusSeconds(1060));
        java.util.function.Predicate<Instant> nearSensorOff = t -> t.isAfter(T0.plusSeconds(4960)) && t.isBefore(T0.plusSeconds(5030));
        assertTrue(breaks.stream().anyMatch(nearDropout), breaks.toString());
        assertTrue(breaks.stream().anyMatch(nearSensorOff), breaks.toString());
        assertTrue(breaks.stream().allMatch(nearDropout.or(nearSensorOff)), "no break elsewhere: " + breaks);
    }
}
