package org.vigil.app;

import java.time.Instant;
import java.util.function.Function;
import org.vigil.alarm.AlarmConfig;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.SessionRecorder;
import org.vigil.chair.SessionRecords;
import org.vigil.session.DoseCalculation;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.Phase;
import org.vigil.storage.EndReason;
import org.vigil.storage.NewSession;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.StationStore;

/**
 * One chair's records in the session database as patients come and go: a clinical session's
 * record from check-in to discharge, and between sessions a record without a patient, each
 * starting with the alarm settings in force. The current key is read by the settings saver (any
 * thread) and changed on the core thread. Never blocks: the store queues the work.
 */
final class ChairRecordBook implements SessionRecords {

    final NewSession base;
    private final StationStore store;
    private final Function<AlarmConfig, SessionEvent> alarmSettings;
    private final AlarmConfig defaults;
    /** The store key of the record the chair writes to now. */
    volatile long current;
    /** The chair, once created (its alarm settings head each new record). */
    ChairMonitor monitor;
    /** Told the store key of a clinical record that ends signed (discharged): the outbox sends it. */
    volatile java.util.function.LongConsumer signed = key -> { };

    ChairRecordBook(StationStore store, NewSession base, Function<AlarmConfig, SessionEvent> alarmSettings,
            AlarmConfig defaults) {
        this.store = store;
        this.base = base;
        this.alarmSettings = alarmSettings;
        this.defaults = defaults;
    }

    @Override
    public SessionRecorder startClinical(SessionRecorder now, Patient patient, InfusionOrder order, DoseCalculation dose,
            Instant at) {
        return next(now, base.withClinical(patient, dose, at), at);
    }

    @Override
    public SessionRecorder endClinical(SessionRecorder clinical, Phase reached, Instant at) {
        long ended = current;
        SessionRecorder between = next(clinical, new NewSession(base.chairId(), at, base.softwareVersion(), base.simulated(), base.devices()), at);
        if (reached == Phase.DISCHARGED) {
            signed.accept(ended);
        }
        return between;
    }

    private SessionRecorder next(SessionRecorder previous, NewSession session, Instant at) {
        if (previous instanceof DatabaseRecorder d) {
            d.flushWaves();
        }
        store.endSession(current, at, EndReason.CLOSED);
        long key = store.startSession(session);
        store.writer().append(key, alarmSettings.apply(monitor == null ? defaults : monitor.alarmConfig().orElse(defaults)));
        current = key;
        return new DatabaseRecorder(store.writer(), key);
    }
}
