package org.vigil.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * An engine on a mutable clock with recorded events. Times are seconds since {@link #T0};
 * {@link #rows()} prints the recorded events as alarm log rows.
 */
final class EngineHarness {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final List<AlarmEvent> events = new ArrayList<>();
    final List<SilencingEvent> silencing = new ArrayList<>();
    final AlarmEngine engine;

    EngineHarness() {
        this(AlarmConfig.defaults());
    }

    EngineHarness(AlarmConfig config) {
        engine = new AlarmEngine(config, clock, events::add, silencing::add);
    }

    /** Adds the usual pair: oximeter {@code ox} and monitor {@code mon} (NIBP every 5 min), 10 s timeouts. */
    EngineHarness withDevices() {
        return withDevices(Duration.ofSeconds(10));
    }

    /** As {@link #withDevices()} with another silence timeout (long ones keep no-data alarms out of a test). */
    EngineHarness withDevices(Duration silenceTimeout) {
        engine.addDevice(new DeviceAlarmProfile("ox", "SpO2 device", silenceTimeout, null, "mon"));
        engine.addDevice(new DeviceAlarmProfile("mon", "Monitor", silenceTimeout, Duration.ofMinutes(5), null));
        return this;
    }

    /** Devices that never go silent within a test and no NIBP interval: only physiological alarms appear. */
    EngineHarness withQuietDevices() {
        engine.addDevice(new DeviceAlarmProfile("ox", "SpO2 device", Duration.ofHours(24), null, "mon"));
        engine.addDevice(new DeviceAlarmProfile("mon", "Monitor", Duration.ofHours(24), null, null));
        return this;
    }

    static Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9));
    }

    /** Moves the clock to {@code seconds} and ticks. */
    EngineHarness tickAt(double seconds) {
        clock.set(at(seconds));
        engine.tick();
        return this;
    }

    /** Ticks every {@code step} seconds from the current time up to and including {@code seconds}. */
    EngineHarness tickUntil(double seconds, double step) {
        double t = secondsNow();
        while (t + step <= seconds + 1e-9) {
            t += step;
            tickAt(t);
        }
        return this;
    }

    double secondsNow() {
        return Duration.between(T0, clock.instant()).toNanos() / 1e9;
    }

    static Reading reading(double seconds, String device, Vital v, double value, ReadingFlag... flags) {
        EnumSet<ReadingFlag> f = EnumSet.noneOf(ReadingFlag.class);
        f.addAll(List.of(flags));
        return new Reading(at(seconds), device, v, value, f);
    }

    /** Moves the clock to {@code seconds} and feeds one reading stamped then. */
    EngineHarness feed(double seconds, String device, Vital v, double value, ReadingFlag... flags) {
        clock.set(at(seconds));
        engine.onReading(reading(seconds, device, v, value, flags));
        return this;
    }

    /** Feeds a cuff measurement (sys, dia, mean) from {@code mon}. */
    EngineHarness nibp(double seconds, double sys, double dia) {
        feed(seconds, "mon", Vital.NIBP_SYS, sys);
        feed(seconds, "mon", Vital.NIBP_DIA, dia);
        feed(seconds, "mon", Vital.NIBP_MEAN, Math.round(dia + (sys - dia) / 3));
        return this;
    }

    /** Feeds one reading per second of {@code v} from {@code from} to {@code to} inclusive, ticking in between. */
    EngineHarness hold(String device, Vital v, double value, double from, double to) {
        for (double t = from; t <= to + 1e-9; t += 1) {
            feed(t, device, v, value);
            if (t + 0.5 <= to) {
                tickAt(t + 0.5);
            }
        }
        return this;
    }

    List<String> rows() {
        List<String> out = new ArrayList<>();
        for (AlarmEvent e : events) {
            out.add(AlarmLogFormat.row(e, T0));
        }
        return out;
    }

    /** Recorded rows for one alarm id. */
    List<String> rows(String alarmId) {
        List<String> out = new ArrayList<>();
        for (AlarmEvent e : events) {
            if (e.alarmId().equals(alarmId)) {
                out.add(AlarmLogFormat.row(e, T0));
            }
        }
        return out;
    }

    Optional<ActiveAlarm> onScreen(String alarmId) {
        return engine.snapshot().alarms().stream().filter(a -> a.id().equals(alarmId)).findFirst();
    }

    ActiveAlarm shown(String alarmId) {
        return onScreen(alarmId).orElseThrow(() -> new AssertionError(alarmId + " not on screen"));
    }

    void clearEvents() {
        events.clear();
    }
}
