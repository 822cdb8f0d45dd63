package org.vigil.session;

import java.time.Duration;
import org.vigil.domain.Durations;
import org.vigil.domain.RecordedEvent;

/**
 * The {@code detail} column of the session log (scenarios.md "Sessions in a scenario"): what a
 * reader of the log wants of each event, e.g. {@code total_mg=41 volume_ml=4.1 rate_ml_h=6.15}
 * for {@code dose}, {@code infusion} for a {@code phase}, {@code pre_dose nibp=150/94} for a
 * checkpoint.
 */
public final class SessionLogText {

    private SessionLogText() {
    }

    /**
     * The detail of {@code e}; an entry made late (a clinical event, score, note or correction
     * written after the time it happened) ends with {@code (entered 8m later)}.
     */
    public static String of(RecordedEvent e) {
        String text = body(e);
        if (!e.late()) {
            return text;
        }
        return text + " (entered " + Durations.format(Duration.between(e.time(), e.recordedAt())) + " later)";
    }

    private static String body(RecordedEvent e) {
        return switch (e.type()) {
            case DOSE -> "total_mg=" + e.get("total_mg") + " volume_ml=" + e.get("volume_ml") + " rate_ml_h="
                    + e.get("rate_ml_h");
            case BASELINE -> join("nibp=" + e.get("nibp"), opt("hr", e), opt("spo2", e), opt("rr", e));
            case START_REFUSED -> e.get("reason");
            case START_CONFIRMED -> e.get("by") + ": " + e.get("note");
            case PHASE -> e.get("phase");
            case CHECKPOINT -> e.get("label") + " nibp=" + e.get("nibp");
            case EVENT -> e.get("detail") == null ? e.get("kind") : e.get("kind") + ": " + e.get("detail");
            case DISCHARGE_REFUSED -> e.get("reasons");
            case INFUSION -> e.get("rate_ml_h") == null ? e.get("action")
                    : e.get("action") + " rate_ml_h=" + e.get("rate_ml_h");
            default -> e.detailText();
        };
    }

    private static String opt(String key, RecordedEvent e) {
        String v = e.get(key);
        return v == null ? "" : key + "=" + v;
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty()) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(p);
            }
        }
        return b.toString();
    }
}
