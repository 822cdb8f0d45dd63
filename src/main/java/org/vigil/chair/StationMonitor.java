package org.vigil.chair;

import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmListener;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.StationAlarms;
import org.vigil.alarm.TechnicalAlarmType;

/**
 * The station-level alarm core: holds the station-wide technical alarms ({@link StationAlarms})
 * once for all chairs. Faults are reported from any thread (the audio player, the database
 * writer); like {@link ChairMonitor}, everything that touches the alarms runs on the {@code core}
 * executor and the screen reads a volatile snapshot. Alarm events go to the listeners on the core
 * thread (the station records them in every chair's session, the headless recorder prints them once).
 */
public final class StationMonitor implements StationFeed {

    private static final Logger log = LoggerFactory.getLogger(StationMonitor.class);

    private final Executor core;
    private final StationAlarms alarms;
    private final org.vigil.domain.AuditSink audit;
    private final InstantSource clock;
    private final List<AlarmListener> alarmListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<AlarmSnapshot>> snapshotListeners = new CopyOnWriteArrayList<>();
    private volatile AlarmSnapshot snapshot;
    private long publishedVersion = -1;

    public StationMonitor(AlarmConfig config, InstantSource clock, Executor core) {
        this(config, clock, core, org.vigil.domain.AuditSink.NONE);
    }

    /** As above; acknowledgements of the station's alarms go to {@code audit} (who, and how: at the lock screen or not). */
    public StationMonitor(AlarmConfig config, InstantSource clock, Executor core, org.vigil.domain.AuditSink audit) {
        this.core = core;
        this.audit = audit;
        this.clock = clock;
        this.alarms = new StationAlarms(config, clock, this::onAlarmEvent);
        this.snapshot = alarms.snapshot();
    }

    /** Receives every station alarm event, on the core thread. */
    public void addAlarmListener(AlarmListener l) {
        alarmListeners.add(l);
    }

    /** Receives each new station alarm snapshot, on the core thread (the alarm sound player). */
    public void addSnapshotListener(Consumer<AlarmSnapshot> l) {
        snapshotListeners.add(l);
    }

    /** A station-wide condition (audio unavailable, recording failed) began or ended. Any thread. */
    public void fault(TechnicalAlarmType type, boolean active, String detail) {
        core.execute(() -> {
            alarms.fault(type, active, detail);
            publish();
        });
    }

    /** Escalation; call with the chairs' tick. */
    public void tick() {
        core.execute(() -> {
            alarms.tick();
            publish();
        });
    }

    @Override
    public void acknowledge(org.vigil.domain.Actor actor) {
        core.execute(() -> {
            alarms.acknowledge(actor.name());
            publish();
            try {
                audit.record(new org.vigil.domain.AuditEntry(clock.instant(), actor, "alarm.acknowledged", "station",
                        java.util.Map.of("how", actor.how())));
            } catch (RuntimeException e) {
                log.error("the audit trail refused a station acknowledgement", e);
            }
        });
    }

    @Override
    public AlarmSnapshot alarms() {
        return snapshot;
    }

    private void onAlarmEvent(AlarmEvent e) {
        for (AlarmListener l : alarmListeners) {
            try {
                l.onAlarmEvent(e);
            } catch (RuntimeException ex) {
                log.warn("station alarm listener failed on {}", e.alarmId(), ex);
            }
        }
    }

    private void publish() {
        long v = alarms.version();
        if (v == publishedVersion) {
            return;
        }
        publishedVersion = v;
        AlarmSnapshot s = alarms.snapshot();
        snapshot = s;
        for (Consumer<AlarmSnapshot> l : snapshotListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException ex) {
                log.warn("station snapshot listener failed", ex);
            }
        }
    }
}
