package org.vigil.storage;

import java.util.List;

/**
 * The ordered schema steps this code knows. Append a new {@link Migration} for every change;
 * never edit one that has shipped.
 *
 * <p>All times are epoch milliseconds (UTC). A reading's {@code value} is NULL when the device
 * sent none; {@code flags} is {@code Reading.flagsText()} ({@code a|b}, empty for none).
 * {@code session_event.detail} is a flat JSON object of strings (see {@link SessionEvent}).
 */
final class Schema {

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "sessions, devices, readings, alarm log, session events", List.of(
                    """
                    CREATE TABLE session (
                        id               INTEGER PRIMARY KEY AUTOINCREMENT,
                        chair_id         TEXT    NOT NULL,
                        started_at       INTEGER NOT NULL,
                        ended_at         INTEGER,
                        end_reason       TEXT CHECK (end_reason IN ('closed', 'ended_abnormally')),
                        software_version TEXT    NOT NULL,
                        simulated        INTEGER NOT NULL CHECK (simulated IN (0, 1)),
                        baseline_sys     REAL,
                        baseline_dia     REAL,
                        baseline_hr      REAL,
                        patient_ref      TEXT,
                        CHECK ((ended_at IS NULL) = (end_reason IS NULL))
                    )""",
                    """
                    CREATE TABLE session_device (
                        session_id INTEGER NOT NULL REFERENCES session (id),
                        device_id  TEXT    NOT NULL,
                        label      TEXT    NOT NULL,
                        protocol   TEXT    NOT NULL,
                        endpoint   TEXT    NOT NULL,
                        PRIMARY KEY (session_id, device_id)
                    )""",
                    """
                    CREATE TABLE reading (
                        session_id INTEGER NOT NULL REFERENCES session (id),
                        t_ms       INTEGER NOT NULL,
                        device_id  TEXT    NOT NULL,
                        vital      TEXT    NOT NULL,
                        value      REAL,
                        flags      TEXT    NOT NULL DEFAULT ''
                    )""",
                    "CREATE INDEX reading_by_session_vital_time ON reading (session_id, vital, t_ms)",
                    """
                    CREATE TABLE alarm_event (
                        id          INTEGER PRIMARY KEY,
                        session_id  INTEGER NOT NULL REFERENCES session (id),
                        t_ms        INTEGER NOT NULL,
                        event       TEXT    NOT NULL,
                        alarm_id    TEXT    NOT NULL,
                        priority    TEXT    NOT NULL,
                        kind        TEXT    NOT NULL,
                        parameter   TEXT,
                        value       REAL,
                        limit_value REAL,
                        message     TEXT,
                        user        TEXT
                    )""",
                    "CREATE INDEX alarm_event_by_session_time ON alarm_event (session_id, t_ms)",
                    """
                    CREATE TABLE session_event (
                        id         INTEGER PRIMARY KEY,
                        session_id INTEGER NOT NULL REFERENCES session (id),
                        t_ms       INTEGER NOT NULL,
                        type       TEXT    NOT NULL,
                        detail     TEXT,
                        user       TEXT
                    )""",
                    "CREATE INDEX session_event_by_session_time ON session_event (session_id, t_ms)")),
            // The alarm settings in force per chair, kept as they change, for a restart after a crash
            // (AlarmSettingsStore). One row per chair; state is AlarmSettingsStore's line format.
            new Migration(2, "alarm settings in force per chair, restored after a crash", List.of(
                    """
                    CREATE TABLE alarm_settings (
                        chair_id   TEXT    PRIMARY KEY,
                        session_id INTEGER NOT NULL REFERENCES session (id),
                        saved_at   INTEGER NOT NULL,
                        state      TEXT    NOT NULL
                    )""")),
            // Clinical sessions (issue: the infusion session): patients, the order and its arithmetic on the
            // session row, the phase reached, and typed session events that keep when they were written,
            // their number in the session and what they correct.
            new Migration(3, "patients, clinical sessions, typed session events", List.of(
                    """
                    CREATE TABLE patient (
                        id         INTEGER PRIMARY KEY AUTOINCREMENT,
                        mrn        TEXT    NOT NULL UNIQUE,
                        name       TEXT    NOT NULL,
                        birth_date TEXT,
                        weight_kg  REAL,
                        allergies  TEXT    NOT NULL DEFAULT '',
                        created_at INTEGER NOT NULL
                    )""",
                    "CREATE INDEX patient_by_name ON patient (name COLLATE NOCASE)",
                    "ALTER TABLE session ADD COLUMN patient_id INTEGER REFERENCES patient (id)",
                    "ALTER TABLE session ADD COLUMN phase TEXT",
                    "ALTER TABLE session ADD COLUMN weight_kg REAL",
                    "ALTER TABLE session ADD COLUMN dose_mg_kg REAL",
                    "ALTER TABLE session ADD COLUMN concentration_mg_ml REAL",
                    "ALTER TABLE session ADD COLUMN duration_min REAL",
                    "ALTER TABLE session ADD COLUMN prescriber TEXT",
                    "ALTER TABLE session ADD COLUMN total_mg REAL",
                    "ALTER TABLE session ADD COLUMN volume_ml REAL",
                    "ALTER TABLE session ADD COLUMN rate_ml_h REAL",
                    "CREATE INDEX session_by_patient ON session (patient_id, started_at)",
                    "CREATE INDEX session_by_start ON session (started_at)",
                    "CREATE INDEX session_open ON session (chair_id) WHERE ended_at IS NULL",
                    "ALTER TABLE session_event ADD COLUMN recorded_at INTEGER",
                    "ALTER TABLE session_event ADD COLUMN seq INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE session_event ADD COLUMN corrects INTEGER NOT NULL DEFAULT 0")),
            // Review (issue: review of past sessions): the session list's summary columns (SessionSummaries),
            // written when a session ends and back-filled here; pleth and other waveforms in ~1 s chunks
            // (WaveformStore: the byte layout of samples is in WaveformChunk).
            new Migration(4, "session list summaries, waveform chunks", List.of(
                    "ALTER TABLE session ADD COLUMN sum_peak_sys REAL",
                    "ALTER TABLE session ADD COLUMN sum_min_spo2 REAL",
                    "ALTER TABLE session ADD COLUMN sum_alarms_high INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE session ADD COLUMN sum_alarms_medium INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE session ADD COLUMN sum_alarms_low INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE session ADD COLUMN sum_done INTEGER NOT NULL DEFAULT 0",
                    SessionSummaries.fill("s.ended_at IS NOT NULL"),
                    "CREATE INDEX session_by_chair ON session (chair_id, started_at)",
                    // the same index, covering: a review's overview of hours reads the index only
                    "DROP INDEX reading_by_session_vital_time",
                    "CREATE INDEX reading_by_session_vital_time ON reading (session_id, vital, t_ms, value, flags)",
                    """
                    CREATE TABLE waveform_chunk (
                        session_id INTEGER NOT NULL REFERENCES session (id),
                        device_id  TEXT    NOT NULL,
                        wave       TEXT    NOT NULL,
                        t_ms       INTEGER NOT NULL,
                        rate_hz    REAL    NOT NULL CHECK (rate_hz > 0),
                        lo         INTEGER NOT NULL,
                        hi         INTEGER NOT NULL,
                        samples    BLOB    NOT NULL
                    )""",
                    "CREATE INDEX waveform_by_session_wave_time ON waveform_chunk (session_id, wave, t_ms)")),
            // Issue 11: the durable outbox of HL7 messages to the clinic's interface engine. The message and its
            // control id (MSH-10) are fixed when the session is signed; a retry resends the same bytes.
            new Migration(5, "export outbox to the interface engine", List.of(
                    """
                    CREATE TABLE export_outbox (
                        id              INTEGER PRIMARY KEY AUTOINCREMENT,
                        session_id      INTEGER NOT NULL REFERENCES session (id),
                        control_id      TEXT    NOT NULL UNIQUE,
                        message         TEXT    NOT NULL,
                        state           TEXT    NOT NULL CHECK (state IN ('pending', 'acknowledged', 'rejected')),
                        attempts        INTEGER NOT NULL DEFAULT 0,
                        enqueued_at     INTEGER NOT NULL,
                        next_attempt_at INTEGER NOT NULL,
                        last_attempt_at INTEGER,
                        done_at         INTEGER,
                        last_answer     TEXT
                    )""",
                    "CREATE UNIQUE INDEX export_outbox_one_per_session ON export_outbox (session_id)",
                    "CREATE INDEX export_outbox_pending ON export_outbox (state, id)")),
            // User accounts (issue 13): unique ids, a role, Argon2id hashes of the password and the
            // quick PIN (never the secrets), lockout state; and each use of emergency access for the
            // admins to review.
            new Migration(6, "user accounts and emergency access", List.of(
                    """
                    CREATE TABLE user_account (
                        id              INTEGER PRIMARY KEY AUTOINCREMENT,
                        login           TEXT    NOT NULL UNIQUE COLLATE NOCASE,
                        name            TEXT    NOT NULL,
                        role            TEXT    NOT NULL CHECK (role IN ('NURSE', 'ADMIN', 'PRESCRIBER', 'AUDITOR')),
                        password_hash   TEXT,
                        pin_hash        TEXT,
                        enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
                        failed_attempts INTEGER NOT NULL DEFAULT 0,
                        locked_until    INTEGER,
                        created_at      INTEGER NOT NULL,
                        CHECK (password_hash IS NOT NULL OR pin_hash IS NOT NULL)
                    )""",
                    """
                    CREATE TABLE break_glass (
                        id          INTEGER PRIMARY KEY AUTOINCREMENT,
                        at          INTEGER NOT NULL,
                        name        TEXT    NOT NULL,
                        reason      TEXT    NOT NULL,
                        reviewed_by TEXT,
                        reviewed_at INTEGER
                    )""")),
            // The audit trail (issue 13): append-only, each row chained to the one before by hash
            // (org.vigil.security.AuditTrail writes it, AuditVerifier checks it). Areas number their steps:
            // review 4, export 5, accounts 6, audit 7 (see Migrator).
            new Migration(7, "append-only hash-chained audit trail", List.of(
                    """
                    CREATE TABLE audit_event (
                        seq           INTEGER PRIMARY KEY,
                        at_ms         INTEGER NOT NULL,
                        actor_id      TEXT    NOT NULL,
                        actor_name    TEXT    NOT NULL,
                        actor_role    TEXT    NOT NULL,
                        actor_how     TEXT    NOT NULL,
                        actor_auth_ms INTEGER,
                        action        TEXT    NOT NULL,
                        target        TEXT    NOT NULL,
                        detail        TEXT    NOT NULL,
                        prev_hash     TEXT    NOT NULL,
                        hash          TEXT    NOT NULL
                    )""",
                    "CREATE INDEX audit_event_by_time ON audit_event (at_ms)",
                    """
                    CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
                    """
                    CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""")),
            // Device identity (issue 12): what each device of a session told about itself (manufacturer, model,
            // serial, software, EUI-64), a row each time it changes (a probe or monitor swapped) and one per device
            // when a record starts; a reading's device and time name the identity in force (DeviceIdentities).
            // Empty text where the device told nothing. Areas: devices 8.
            new Migration(8, "device identity per session, each change with its time", List.of(
                    """
                    CREATE TABLE device_identity (
                        session_id   INTEGER NOT NULL REFERENCES session (id),
                        device_id    TEXT    NOT NULL,
                        since_ms     INTEGER NOT NULL,
                        manufacturer TEXT    NOT NULL DEFAULT '',
                        model        TEXT    NOT NULL DEFAULT '',
                        serial       TEXT    NOT NULL DEFAULT '',
                        software     TEXT    NOT NULL DEFAULT '',
                        eui64        TEXT    NOT NULL DEFAULT ''
                    )""",
                    "CREATE INDEX device_identity_by_session ON device_identity (session_id, since_ms)")));

    private Schema() {
    }

    /** The version a database has after every known step. */
    static int latestVersion(List<Migration> migrations) {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }
}
