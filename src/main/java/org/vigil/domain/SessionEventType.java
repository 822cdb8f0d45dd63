package org.vigil.domain;

import java.util.Locale;

/**
 * Every kind of session event the station records, one list for the chair runtime, the clinical
 * session, storage, review and export. The {@link #key()} is what {@code session_event.type}
 * holds and what the session log prints; what each event's detail holds is written beside it
 * (detail keys are stable: readers and exporters look them up by name, never parse text).
 */
public enum SessionEventType {
    // ---- the alarm system (chair runtime) ----
    /** The alarm settings in force at session start: {@code summary}, {@code source}. */
    ALARM_SETTINGS,
    /** A threshold changed: {@code alarm}, {@code old}, {@code new}, {@code scope} (chair|clinic), {@code clinic_old}. */
    LIMIT_CHANGED,
    /** Alarm audio paused: {@code until}. */
    AUDIO_PAUSED,
    AUDIO_PAUSE_ENDED,
    /** One alarm switched off / on: {@code alarm}. */
    ALARM_OFF,
    ALARM_ON,
    /** The alarm configuration was replaced: {@code text}. */
    CONFIG_CHANGED,
    /** The alarm engine's baseline was set: {@code text}. */
    BASELINE_SET,
    /** A device's data became invalid / valid again: {@code alarm}, {@code text}. */
    DATA_INVALID,
    DATA_VALID,
    /** Alarm settings put back after a crash: {@code text}. */
    SETTINGS_RESTORED,
    // ---- recording ----
    /** Rows were lost: {@code rows}, {@code cause}. */
    RECORDING_GAP,
    /** A session found without an end at start-up and closed: {@code ended_at}, {@code reason}. */
    SESSION_RECOVERED,
    /** The station restarted after a crash and the session goes on: {@code gap_start}, {@code gap_end}, {@code gap_s}. */
    RESUMED,
    // ---- the clinical session ----
    /** A patient checked in to the chair: {@code mrn}, {@code weight_kg}. */
    CHECK_IN,
    /** The order and its arithmetic: {@code dose_mg_kg}, {@code weight_kg}, {@code total_mg}, {@code volume_ml}, {@code rate_ml_h}, ... */
    DOSE,
    /** A dose above the usual range confirmed: {@code dose_mg_kg}, {@code usual_max}. */
    DOSE_CONFIRMED,
    /** The session baseline: {@code nibp}, {@code hr}, {@code spo2}, {@code rr}, {@code source}. */
    BASELINE,
    /** Start infusion refused: {@code reason}. */
    START_REFUSED,
    /** The start gate confirmed by a prescriber: {@code by}, {@code note}. */
    START_CONFIRMED,
    /** A new phase: {@code phase}. */
    PHASE,
    /** Infusion started, paused, resumed, rate changed, stopped: {@code action}, {@code rate_ml_h}. */
    INFUSION,
    /** A labelled BP checkpoint: {@code label}, {@code nibp}, {@code at}. */
    CHECKPOINT,
    /** A clinical event: {@code kind}, {@code detail}. */
    EVENT,
    /** A score: any of {@code aldrete}, {@code sedation}, {@code dissociation}. */
    SCORE,
    /** Discharge refused: {@code reasons} (every unmet criterion). */
    DISCHARGE_REFUSED,
    /** Discharged and signed: {@code by}, {@code escort}, {@code monitoring_min}. */
    DISCHARGED,
    /** A correction of an earlier event: {@code corrects} (its sequence number), {@code reason}, and the corrected fields. */
    CORRECTION,
    /** A note: {@code text}. */
    NOTE;

    /** The lower-case key stored and printed, e.g. {@code limit_changed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type whose {@link #key()} is {@code key}. */
    public static SessionEventType fromKey(String key) {
        try {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown session event type '" + key + "'");
        }
    }
}
