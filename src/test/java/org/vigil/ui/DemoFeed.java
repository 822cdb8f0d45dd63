package org.vigil.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;
import org.vigil.chair.ChairFeed;
import org.vigil.chair.ConnectionState;
import org.vigil.chair.DeviceInfo;

/**
 * A chair feed with plausible moving data for previews and screenshots: a ketamine session
 * {@code elapsed} old at creation (HR and BP rising, a short desaturation), new readings once per
 * second of {@code clock} time, and a fixed set of alarms. Readings are made when drained.
 */
final class DemoFeed implements ChairFeed {

    private final Clock clock;
    private final Instant start;
    private final Instant created;
    private final boolean withRespiration;
    private long nextSecond;

    DemoFeed(Clock clock, Duration elapsed) {
        this(clock, elapsed, false);
    }

    DemoFeed(Clock clock, Duration elapsed, boolean withRespiration) {
        this.clock = clock;
        this.withRespiration = withRespiration;
        this.created = clock.instant();
        this.start = created.minus(elapsed);
        this.nextSecond = elapsed.getSeconds();
    }

    @Override
    public String chairId() {
        return "chair2";
    }

    @Override
    public String chairLabel() {
        return "Chair 2";
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of(FakeChairFeed.OXIMETER, FakeChairFeed.MONITOR);
    }

    @Override
    public int drainReadings(Consumer<Reading> sink, int max) {
        long upTo = Duration.between(start, clock.instant()).getSeconds();
        int n = 0;
        while (nextSecond <= upTo && n < max) {
            for (Reading r : second(nextSecond)) {
                sink.accept(r);
                n++;
            }
            nextSecond++;
        }
        return n;
    }

    @Override
    public List<Reading> history() {
        List<Reading> out = new ArrayList<>();
        long upTo = Duration.between(start, created).getSeconds();
        for (long s = 0; s < upTo; s++) {
            out.addAll(second(s));
        }
        return out;
    }

    /** The readings of second {@code s} of the session. */
    private List<Reading> second(long s) {
        double min = s / 60.0;
        Instant t = start.plusSeconds(s);
        List<Reading> out = new ArrayList<>(8);
        double rise = Math.min(1, min / 35.0);
        double hr = 72 + 22 * rise + 3 * Math.sin(s / 17.0) + 1.5 * Math.sin(s / 3.1);
        double spo2 = 97.5 + 0.8 * Math.sin(s / 23.0) - dip(min);
        out.add(new Reading(t, "mon", Vital.HR, Math.round(hr), Set.of()));
        out.add(new Reading(t, "ox", Vital.PR, Math.round(hr - 1), Set.of()));
        out.add(new Reading(t, "ox", Vital.SPO2, Math.round(spo2), Set.of()));
        out.add(new Reading(t, "ox", Vital.PI, 2.1 + 0.4 * Math.sin(s / 40.0), Set.of()));
        if (withRespiration) {
            out.add(new Reading(t, "mon", Vital.RR, Math.round(15 + 2 * Math.sin(s / 60.0)), Set.of()));
        }
        if (s % 300 == 30) {
            double sys = 122 + 42 * rise;
            double dia = 78 + 18 * rise;
            out.add(new Reading(t, "mon", Vital.NIBP_SYS, Math.round(sys), Set.of()));
            out.add(new Reading(t, "mon", Vital.NIBP_DIA, Math.round(dia), Set.of()));
            out.add(new Reading(t, "mon", Vital.NIBP_MEAN, Math.round((sys + 2 * dia) / 3), Set.of()));
        }
        if (s % 300 == 0 && s > 0) {
            out.add(new Reading(t, "mon", Vital.NIBP_SYS, Double.NaN, Set.of(ReadingFlag.INVALID, ReadingFlag.CUFF_INFLATING)));
        }
        return out;
    }

    /** A short desaturation late in the session and again from the 37th minute. */
    private static double dip(double min) {
        double a = Math.max(0, 1 - Math.abs(min - 18) / 1.2) * 6;
        double b = min > 37 ? Math.min(11, (min - 37) * 9) : 0;
        return a + b;
    }

    @Override
    public AlarmSnapshot alarms() {
        Instant now = clock.instant();
        List<ActiveAlarm> list = List.of(
                new ActiveAlarm("spo2.desat", Priority.HIGH, AlarmKind.PHYSIOLOGICAL, "spo2", 86.0, 85.0,
                        "SpO2 desaturation 86 < 85", created.minusSeconds(42), true, false, false, true),
                new ActiveAlarm("nibp_sys.high", Priority.MEDIUM, AlarmKind.PHYSIOLOGICAL, "nibp_sys", 164.0, 160.0,
                        "NIBP sys 164 > 160", created.minusSeconds(250), true, true, false, false),
                new ActiveAlarm("ox.low_perfusion", Priority.LOW, AlarmKind.TECHNICAL, "ox", null, null,
                        "SpO2 device: low perfusion", created.minusSeconds(75), true, false, false, true));
        return new AlarmSnapshot(now, list, created.plusSeconds(95), Set.of("rr.low"));
    }

    @Override
    public Optional<AlarmConfig> alarmConfig() {
        return Optional.of(AlarmConfig.defaults());
    }

    @Override
    public Map<String, ConnectionState> connectionStates() {
        return Map.of("ox", ConnectionState.CONNECTED, "mon", ConnectionState.CONNECTED);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Instant sessionStart() {
        return start;
    }

    @Override
    public void acknowledge(org.vigil.domain.Actor actor) {
        String user = actor.name();
        System.out.println("acknowledge by " + user);
    }

    @Override
    public void pauseAudio(org.vigil.domain.Actor actor) {
        String user = actor.name();
        System.out.println("pause audio by " + user);
    }

    @Override
    public org.vigil.chair.BaselineChange setBaselineFromLastCuffReadings(org.vigil.domain.Actor actor) {
        String user = actor.name();
        System.out.println("set baseline by " + user);
        return org.vigil.chair.BaselineChange.refused("demo: no cuff history");
    }
}
