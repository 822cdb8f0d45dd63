package org.vigil.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.SettingsRestore;
import org.vigil.storage.AlarmSettingsStore;
import org.vigil.storage.SessionInfo;
import org.vigil.storage.StationStore;
import org.vigil.storage.VigilDatabase;

/**
 * The station's side of a restart after a crash: each chair's alarm settings in force are saved
 * as they change ({@link AlarmSettingsSaver}), put back when the chair's previous run ended
 * abnormally ({@link SettingsRestore}), and forgotten at a normal close. Works on its own
 * connection to the session database, opened once the recording writer could open the file; a
 * database that cannot be used at start costs the restore (logged), never the monitoring.
 */
final class AlarmSettingsKeeper {

    private static final Logger log = LoggerFactory.getLogger(AlarmSettingsKeeper.class);

    /** Lets the keeper wait until the core thread has applied what it handed over. */
    @FunctionalInterface
    interface CoreDrain {
        void await() throws InterruptedException;
    }

    private final StationStore store;
    private final InstantSource clock;
    private final Duration restoreWindow;
    /** Null while the file could not be used at start: nothing is then restored or saved. */
    private final VigilDatabase db;
    private final AlarmSettingsStore settings;
    private final AlarmSettingsSaver saver;
    /** Sessions left without an end by a crash, recovered at this start. */
    private final Set<Long> recovered;

    private AlarmSettingsKeeper(StationStore store, InstantSource clock, Duration restoreWindow, VigilDatabase db) {
        this.store = store;
        this.clock = clock;
        this.restoreWindow = restoreWindow;
        this.db = db;
        this.settings = db == null ? null : db.alarmSettings();
        this.saver = db == null ? null : new AlarmSettingsSaver(settings, clock);
        this.recovered = Set.copyOf(store.recoveredAtOpen());
    }

    /**
     * Waits (at most {@code firstOpen}) for the writer's first try to open the database and, when
     * the file is usable, opens the settings side of it.
     */
    static AlarmSettingsKeeper open(StationStore store, Path database, InstantSource clock, Duration restoreWindow,
            Duration firstOpen) {
        try {
            store.writer().awaitFirstAttempt(firstOpen);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AlarmSettingsKeeper(store, clock, restoreWindow, null);
        }
        if (!store.everOpened()) {
            return new AlarmSettingsKeeper(store, clock, restoreWindow, null);
        }
        VigilDatabase db = null;
        try {
            db = VigilDatabase.open(database);
            return new AlarmSettingsKeeper(store, clock, restoreWindow, db);
        } catch (RuntimeException e) {
            log.error("alarm settings cannot be restored or saved: {}", e.getMessage(), e);
            if (db != null) {
                db.close();
            }
            return new AlarmSettingsKeeper(store, clock, restoreWindow, null);
        }
    }

    /**
     * Puts back the alarm settings the chair saved when its previous session ended abnormally,
     * saves the settings now in force as this session's (so a second crash still finds them), and
     * from then on saves every change. Before the chair's devices connect.
     */
    void attach(ChairMonitor monitor, long sessionKey, CoreDrain core) {
        attach(monitor, () -> sessionKey, java.util.Set.of(), core);
    }

    /**
     * As {@link #attach(ChairMonitor, long, CoreDrain)} for a chair whose record changes as patients
     * come and go ({@code currentKey} gives the record the settings belong to now); a saved row of
     * a session in {@code resumed} (a clinical session the station resumes) is put back too.
     */
    void attach(ChairMonitor monitor, java.util.function.LongSupplier currentKey, java.util.Set<Long> resumed,
            CoreDrain core) {
        String chairId = monitor.chairId();
        if (saver == null) {
            log.warn("chair {}: alarm settings are neither restored nor saved: the session database cannot be used", chairId);
            return;
        }
        try {
            settings.load(chairId).ifPresent(saved -> {
                // a normal close deletes the chair's row: a row left means the last run did not end normally
                boolean abnormal = saved.sessionId() <= 0 || recovered.contains(saved.sessionId())
                        || resumed.contains(saved.sessionId());
                Instant lastRecorded = saved.sessionId() <= 0 ? saved.savedAt()
                        : db.sessions().session(saved.sessionId()).map(SessionInfo::end).orElse(saved.savedAt());
                SettingsRestore.plan(saved.state(), saved.sessionId(), abnormal, lastRecorded, clock.instant(),
                        restoreWindow).ifPresent(monitor::restoreSettings);
            });
            core.await();
            // written as soon as the session is in the file (the recording writer creates it a moment later)
            saver.save(chairId, () -> sessionIdOf(currentKey.getAsLong()), monitor.settings());
        } catch (RuntimeException e) {
            log.error("chair {}: the alarm settings of a previous session could not be read or saved: {}", chairId,
                    e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        monitor.addSettingsListener(st -> saver.save(chairId, () -> sessionIdOf(currentKey.getAsLong()), st));
    }

    /** Waits until the settings handed over so far are written (tests, shutdown). */
    void flush() throws InterruptedException {
        if (saver != null) {
            saver.flush(Duration.ofSeconds(10));
        }
    }

    /** A normal close: writes what waits, then forgets the chairs' settings, so their next start uses the clinic's. */
    void closeNormally(List<ChairMonitor> chairs) {
        if (saver == null) {
            return;
        }
        saver.close();
        for (ChairMonitor c : chairs) {
            if (c.clinicalSession().isPresent()) {
                // the patient's session stays open and resumes at the next start, with these settings
                continue;
            }
            try {
                settings.delete(c.chairId());
            } catch (RuntimeException e) {
                log.error("chair {}: could not forget its alarm settings", c.chairId(), e);
            }
        }
        settings.close();
        db.close();
    }

    /** The database id of a session key once the writer created the session, else 0 (not yet in the file). */
    private long sessionIdOf(long sessionKey) {
        return store.sessionId(sessionKey).orElse(0L);
    }
}
