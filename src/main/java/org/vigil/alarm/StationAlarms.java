package org.vigil.alarm;

import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The station-wide technical alarms: conditions of the station itself rather than of a chair
 * ({@link TechnicalAlarmType#AUDIO_UNAVAILABLE}: no sound output for any chair;
 * {@link TechnicalAlarmType#RECORDING_FAILED}: the one session database of every chair cannot be
 * written). Each exists once for the station, is acknowledged once and escalates like any other
 * medium technical alarm, but never enters a chair's alarm list, so it can neither take a chair's
 * banner from a patient alarm nor colour a chair's tab.
 *
 * <p>Same threading as {@link AlarmEngine}: one thread calls every method; times come from the
 * injected clock. Ids are {@code station.<key>} and the parameter is {@code station}.
 */
public final class StationAlarms {

    /** The source label in the alarm text ({@code "Station: alarm audio unavailable"}). */
    static final String LABEL = "Station";

    private final InstantSource clock;
    private final AlarmBoard board;
    private final Map<TechnicalAlarmType, Condition> conditions = new EnumMap<>(TechnicalAlarmType.class);

    public StationAlarms(AlarmConfig config, InstantSource clock, AlarmListener listener) {
        Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.board = new AlarmBoard(Objects.requireNonNull(listener, "listener"), config.escalateMediumAfter());
        for (TechnicalAlarmType t : TechnicalAlarmType.values()) {
            if (!t.stationWide()) {
                continue;
            }
            Condition c = new Condition(AlarmEngine.STATION + '.' + t.key(), AlarmKind.TECHNICAL, AlarmEngine.STATION,
                    config.technicalPriorities().get(t), java.time.Duration.ZERO, config.latchingTechnical().contains(t));
            c.techType = t;
            conditions.put(t, c);
        }
    }

    /**
     * A station fault began ({@code active}) or ended. Raised at once (no condition delay); a fault
     * reported again while present changes nothing.
     *
     * @throws IllegalArgumentException for a type that is not station-wide
     */
    public void fault(TechnicalAlarmType type, boolean active, String detail) {
        Condition c = conditions.get(type);
        if (c == null) {
            throw new IllegalArgumentException(type + " is not a station fault");
        }
        Instant now = clock.instant();
        if (!active) {
            board.end(c, now);
        } else if (!c.present()) {
            c.pendingMessage = AlarmText.technical(LABEL, type, detail);
            c.start(now);
            board.raiseIfDue(c, now);
        }
    }

    /** Escalation of unacknowledged station alarms; call with the chairs' tick. */
    public void tick() {
        Instant now = clock.instant();
        board.beginTick();
        try {
            board.escalate(now);
        } finally {
            board.flushTick();
        }
    }

    /** Acknowledges every station alarm on screen, once for the whole station. */
    public void acknowledge(String user) {
        board.acknowledgeAll(user, clock.instant());
    }

    /** The station alarms on screen now. */
    public AlarmSnapshot snapshot() {
        return board.snapshot(clock.instant(), Set.of());
    }

    /** Increases on every change of what {@link #snapshot()} shows. */
    public long version() {
        return board.version();
    }
}
