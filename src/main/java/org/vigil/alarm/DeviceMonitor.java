package org.vigil.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;

/**
 * Technical alarm conditions: per device no data, port disconnected, sensor off, pulse search, low
 * perfusion, low signal quality, invalid data and NIBP overdue. Station-wide faults (audio,
 * recording) are not a chair's: {@link StationAlarms} holds them once for the station.
 */
final class DeviceMonitor {

    /** Condition delay of the flag-driven technical alarms other than sensor off. */
    static final Duration FLAG_DELAY = Duration.ofSeconds(10);

    private static final TechnicalAlarmType[] FLAG_TYPES = {
        TechnicalAlarmType.SENSOR_OFF, TechnicalAlarmType.PULSE_SEARCH,
        TechnicalAlarmType.LOW_PERFUSION, TechnicalAlarmType.LOW_SIGNAL_QUALITY, TechnicalAlarmType.INVALID_DATA};

    /** One device's technical state. */
    private static final class Device {
        final DeviceAlarmProfile profile;
        final Condition noData;
        final Condition disconnected;
        final Condition nibpOverdue;
        final Condition[] flagConditions = new Condition[FLAG_TYPES.length];
        /** Per flag type, a bit per vital whose latest reading carried the flag. */
        final int[] flagMask = new int[FLAG_TYPES.length];
        Instant lastHeard;
        Instant lastNibp;
        boolean portGone;

        Device(DeviceAlarmProfile profile, Instant now) {
            this.profile = profile;
            this.lastHeard = now;
            this.lastNibp = now;
            this.noData = condition(profile, TechnicalAlarmType.NO_DATA, Duration.ZERO);
            this.disconnected = condition(profile, TechnicalAlarmType.DISCONNECTED, Duration.ZERO);
            this.nibpOverdue = profile.nibpInterval() == null ? null
                    : condition(profile, TechnicalAlarmType.NIBP_OVERDUE, Duration.ZERO);
            for (int k = 0; k < FLAG_TYPES.length; k++) {
                Duration delay = FLAG_TYPES[k] == TechnicalAlarmType.SENSOR_OFF ? Duration.ZERO : FLAG_DELAY;
                flagConditions[k] = condition(profile, FLAG_TYPES[k], delay);
            }
        }

        private static Condition condition(DeviceAlarmProfile p, TechnicalAlarmType t, Duration delay) {
            Condition c = new Condition(p.deviceId() + '.' + t.key(), AlarmKind.TECHNICAL, p.deviceId(),
                    t.defaultPriority(), delay, false);
            c.techType = t;
            c.pendingMessage = AlarmText.technical(p.label(), t, null);
            return c;
        }
    }

    private final AlarmBoard board;
    /** Told when a device's readings stop counting (no data, port gone): its continuous vitals become unknown. */
    private final LostListener onLost;

    /** Receives a lost device's id, the technical alarm's text (why) and the time. */
    interface LostListener {
        void lost(String deviceId, String why, Instant now);
    }
    private final Map<String, Device> devices = new HashMap<>();
    private final List<Device> ordered = new ArrayList<>();
    private final Map<String, Condition> byId = new HashMap<>();
    private AlarmConfig config;

    DeviceMonitor(AlarmBoard board, AlarmConfig config, LostListener onLost) {
        this.board = board;
        this.onLost = onLost;
        configure(config);
    }

    void configure(AlarmConfig c) {
        this.config = c;
        for (Condition cond : byId.values()) {
            cond.priority = c.technicalPriorities().get(cond.techType);
            cond.latching = c.latchingTechnical().contains(cond.techType);
        }
    }

    void add(DeviceAlarmProfile p, Instant now) {
        if (devices.containsKey(p.deviceId())) {
            throw new IllegalArgumentException("device " + p.deviceId() + " already added");
        }
        Device d = new Device(p, now);
        List<Condition> cs = new ArrayList<>(List.of(d.flagConditions));
        cs.add(d.noData);
        cs.add(d.disconnected);
        if (d.nibpOverdue != null) {
            cs.add(d.nibpOverdue);
        }
        for (Condition c : cs) {
            if (byId.containsKey(c.id)) {
                throw new IllegalArgumentException("alarm id " + c.id + " already in use");
            }
        }
        for (Condition c : cs) {
            byId.put(c.id, c);
        }
        devices.put(p.deviceId(), d);
        ordered.add(d);
        configure(config);
    }

    Condition condition(String id) {
        return byId.get(id);
    }

    DeviceAlarmProfile profile(String deviceId) {
        Device d = devices.get(deviceId);
        return d == null ? null : d.profile;
    }

    void collectDisabled(Set<String> out) {
        for (Condition c : byId.values()) {
            if (!c.enabled) {
                out.add(c.id);
            }
        }
    }

    /** Updates the device's technical state; returns false when the device is unknown. */
    boolean onReading(Reading r, Instant now) {
        Device d = devices.get(r.deviceId());
        if (d == null) {
            return false;
        }
        d.lastHeard = r.time();
        board.end(d.noData, now);
        Set<ReadingFlag> flags = r.flags();
        if (d.nibpOverdue != null && r.vital().isNibp() && r.isValid()
                && !flags.contains(ReadingFlag.CUFF_INFLATING) && !flags.contains(ReadingFlag.QUESTIONABLE)) {
            d.lastNibp = r.time();
            board.end(d.nibpOverdue, now);
        }
        if (flags.contains(ReadingFlag.QUESTIONABLE)) {
            return true;
        }
        int bit = 1 << r.vital().ordinal();
        for (int k = 0; k < FLAG_TYPES.length; k++) {
            if (FLAG_TYPES[k] == TechnicalAlarmType.INVALID_DATA && r.vital().isNibp()) {
                continue; // one corrupted cuff result is no lasting state: it is recorded, not alarmed
            }
            boolean has = !flags.isEmpty() && carries(flags, k);
            int before = d.flagMask[k];
            int after = has ? before | bit : before & ~bit;
            d.flagMask[k] = after;
            Condition c = d.flagConditions[k];
            if (after != 0) {
                if (before == 0) {
                    c.start(r.time());
                }
                board.raiseIfDue(c, now);
            } else if (before != 0) {
                board.end(c, now);
            }
        }
        return true;
    }

    /** A message without readings: the device talks, so no data ends and silence counts from now. */
    void heard(String deviceId, Instant now) {
        Device d = devices.get(deviceId);
        if (d != null) {
            d.lastHeard = now;
            board.end(d.noData, now);
        }
    }

    void connected(String deviceId, Instant now) {
        Device d = require(deviceId);
        d.lastHeard = now;
        if (d.portGone) {
            d.portGone = false;
            board.end(d.disconnected, now);
        }
    }

    void disconnected(String deviceId, String reason, Instant now) {
        Device d = require(deviceId);
        if (d.portGone) {
            return;
        }
        d.portGone = true;
        d.disconnected.pendingMessage = AlarmText.technical(d.profile.label(), TechnicalAlarmType.DISCONNECTED, reason);
        d.disconnected.start(now);
        board.raiseIfDue(d.disconnected, now);
        lost(d, d.disconnected.pendingMessage, now);
    }

    /** Time-driven conditions: no data, delayed flag alarms, NIBP overdue; and alarms switched back on. */
    void tick(Instant now) {
        for (int i = 0; i < ordered.size(); i++) {
            Device d = ordered.get(i);
            if (!d.portGone && !d.noData.present()) {
                Instant silentAt = d.lastHeard.plus(d.profile.silenceTimeout());
                if (!now.isBefore(silentAt)) {
                    d.noData.start(silentAt);
                    board.raiseIfDue(d.noData, now);
                    lost(d, d.noData.pendingMessage, now);
                }
            }
            for (Condition c : d.flagConditions) {
                board.raiseIfDue(c, now);
            }
            board.raiseIfDue(d.noData, now);
            board.raiseIfDue(d.disconnected, now);
            if (d.nibpOverdue != null) {
                if (!d.nibpOverdue.present()) {
                    Instant dueAt = d.lastNibp.plus(d.profile.nibpInterval()).plus(config.nibpGrace());
                    if (!now.isBefore(dueAt)) {
                        d.nibpOverdue.start(dueAt);
                    }
                }
                board.raiseIfDue(d.nibpOverdue, now);
            }
        }
    }

    private void lost(Device d, String why, Instant now) {
        for (int k = 0; k < FLAG_TYPES.length; k++) {
            d.flagMask[k] = 0;
            board.end(d.flagConditions[k], now);
        }
        onLost.lost(d.profile.deviceId(), why, now);
    }

    private Device require(String deviceId) {
        Device d = devices.get(deviceId);
        if (d == null) {
            throw new IllegalArgumentException("unknown device " + deviceId);
        }
        return d;
    }

    /** True when {@code flags} carry the indication of technical alarm {@code FLAG_TYPES[k]}. */
    private static boolean carries(Set<ReadingFlag> flags, int k) {
        return switch (FLAG_TYPES[k]) {
            case SENSOR_OFF -> flags.contains(ReadingFlag.SENSOR_OFF) || flags.contains(ReadingFlag.NO_SENSOR)
                    || flags.contains(ReadingFlag.SENSOR_FAULT);
            case PULSE_SEARCH -> flags.contains(ReadingFlag.PULSE_SEARCH);
            case LOW_PERFUSION -> flags.contains(ReadingFlag.LOW_PERFUSION);
            case LOW_SIGNAL_QUALITY -> flags.contains(ReadingFlag.LOW_SIGNAL_QUALITY)
                    || flags.contains(ReadingFlag.INTERFERENCE);
            case INVALID_DATA -> flags.contains(ReadingFlag.IMPLAUSIBLE);
            default -> false;
        };
    }
}
