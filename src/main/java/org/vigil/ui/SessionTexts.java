package org.vigil.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.domain.RecordedEvent;
import org.vigil.session.ClinicalEventKind;
import org.vigil.session.DoseCalculation;
import org.vigil.session.Phase;
import org.vigil.session.SessionBaseline;

/** How the session screens word the clinical session: events, scores, checkpoints, due times. */
final class SessionTexts {

    static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private SessionTexts() {
    }

    /** One event as a nurse reads it in the session's list. */
    static String describe(RecordedEvent e) {
        return switch (e.type()) {
            case CHECK_IN -> "Checked in, weight " + e.get("weight_kg") + " kg";
            case DOSE -> "Order: " + e.get("dose_mg_kg") + " mg/kg = " + e.get("total_mg") + " mg, " + e.get("volume_ml")
                    + " mL at " + e.get("rate_ml_h") + " mL/h over " + e.get("duration_min") + " min (" + e.get("prescriber") + ")";
            case DOSE_CONFIRMED -> "Dose " + e.get("dose_mg_kg") + " mg/kg above the usual " + e.get("usual_max")
                    + " mg/kg confirmed";
            case BASELINE -> "Baseline " + baseline(e.get("nibp"), e.get("hr"), e.get("spo2"), e.get("rr"));
            case START_REFUSED -> "Start refused: " + e.get("reason");
            case START_CONFIRMED -> "Start confirmed by prescriber " + e.get("by")
                    + (e.get("note") == null || e.get("note").isEmpty() ? "" : ": " + e.get("note"));
            case PHASE -> "Phase: " + Phase.fromKey(e.get("phase")).label();
            case INFUSION -> infusion(e);
            case CHECKPOINT -> "BP checkpoint " + checkpointLabel(e.get("label")) + ": " + e.get("nibp");
            case EVENT -> {
                String kind = kindLabel(e.get("kind"));
                yield e.get("detail") == null ? kind : kind + ": " + e.get("detail");
            }
            case SCORE -> "Scores: " + scores(e.detail());
            case NOTE -> "Note: " + e.get("text");
            case DISCHARGE_REFUSED -> "Discharge refused: " + e.get("reasons");
            case DISCHARGED -> "Discharged, signed by " + e.get("by") + " (escort confirmed; " + e.get("monitoring_min")
                    + " min monitored)";
            case RESUMED -> "Station restarted; no data from " + e.get("gap_start") + " to " + e.get("gap_end");
            default -> e.type().key().replace('_', ' ') + (e.detail().isEmpty() ? "" : ": " + e.detailText());
        };
    }

    private static String infusion(RecordedEvent e) {
        String action = e.get("action") == null ? "" : e.get("action");
        return switch (action) {
            case "start" -> "Infusion started at " + e.get("rate_ml_h") + " mL/h";
            case "pause" -> "Infusion paused";
            case "resume" -> "Infusion resumed";
            case "rate_change" -> "Rate changed " + e.get("old_rate_ml_h") + " \u2192 " + e.get("rate_ml_h") + " mL/h";
            case "stop" -> "Infusion stopped";
            default -> "Infusion " + action;
        };
    }

    static String kindLabel(String key) {
        try {
            ClinicalEventKind k = ClinicalEventKind.fromKey(key);
            return k == ClinicalEventKind.OTHER ? "Other" : k.label();
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    /** "Aldrete 9, MOAA/S 5, dissociation 1" from score fields. */
    static String scores(Map<String, ?> d) {
        List<String> parts = new ArrayList<>();
        if (d.get("aldrete") != null) {
            parts.add("Aldrete " + d.get("aldrete"));
        }
        if (d.get("sedation") != null) {
            parts.add("MOAA/S " + d.get("sedation"));
        }
        if (d.get("dissociation") != null) {
            parts.add("dissociation " + d.get("dissociation"));
        }
        return parts.isEmpty() ? "none yet" : String.join(", ", parts);
    }

    /** "before the dose", "40 min after start", "before discharge". */
    static String checkpointLabel(String label) {
        if (label == null) {
            return "";
        }
        return switch (label) {
            case "pre_dose" -> "before the dose";
            case "post_40min" -> "~40 min after start";
            case "pre_discharge" -> "before discharge";
            default -> label;
        };
    }

    static String baseline(SessionBaseline b) {
        return baseline(b.nibp(), n(b.hr()), n(b.spo2()), n(b.rr()));
    }

    private static String n(Double d) {
        return d == null ? null : DoseCalculation.number(d);
    }

    static String baseline(String nibp, String hr, String spo2, String rr) {
        StringBuilder s = new StringBuilder("NIBP ").append(nibp);
        if (hr != null) {
            s.append(" \u00B7 HR ").append(hr);
        }
        if (spo2 != null) {
            s.append(" \u00B7 SpO2 ").append(spo2).append(" %");
        }
        if (rr != null) {
            s.append(" \u00B7 RR ").append(rr);
        }
        return s.toString();
    }

    /**
     * "Next BP in 3:12", or "BP overdue 1:05" once {@code due} passed; empty without a due time.
     * {@code what} names the measurement ("BP", "score").
     */
    static String due(String what, Instant due, Instant now) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(now, due);
        if (left.isNegative()) {
            return what + " overdue " + Formats.elapsed(left.negated());
        }
        return "Next " + what + " in " + Formats.countdown(left).replaceFirst("^0(\\d)", "$1");
    }

    static boolean overdue(Instant due, Instant now) {
        return due != null && now.isAfter(due);
    }

    /**
     * The clock time a late entry happened: "HH:mm" today in {@code zone} (blank: now, returned as
     * null). Throws with a message a nurse reads when the text is no time.
     */
    static Instant happenedAt(String text, Instant now, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalTime t;
        try {
            t = LocalTime.parse(text.trim().length() == 4 ? "0" + text.trim() : text.trim(), HHMM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is no time: type it as HH:mm, e.g. 10:05");
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        return today.atTime(t).atZone(zone).toInstant();
    }

    static String clock(Instant t, ZoneId zone) {
        return t == null ? "" : HHMM.format(t.atZone(zone));
    }
}
