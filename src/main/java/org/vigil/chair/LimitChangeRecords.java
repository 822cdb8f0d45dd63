package org.vigil.chair;

import org.vigil.domain.Decimals;
import java.time.Instant;
import java.util.List;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;

/**
 * Records accepted threshold edits in the chair's alarm log and the session log ({@code
 * limit_changed} with who, when, old and new value, and the scope chair or clinic) and works out
 * the configuration they put in force.
 */
final class LimitChangeRecords {

    private LimitChangeRecords() {
    }

    /**
     * @param clinicBefore the previous clinic defaults when the edits come from saved clinic
     *                     defaults, or null for an edit at this chair
     * @return the configuration with the edits, or null when nothing changes at this chair
     */
    static AlarmConfig record(List<LimitEditor.Edit> edits, AlarmConfig current, AlarmConfig clinicBefore, Instant now,
            String user, AlarmLogBook logBook, SessionRecorder recorder) {
        AlarmConfig cfg = current;
        boolean any = false;
        for (LimitEditor.Edit e : edits) {
            LimitRule rule = cfg.rule(e.alarmId()).orElse(null);
            if (rule == null) {
                continue;
            }
            double old = rule.threshold();
            boolean changesHere = Double.compare(old, e.threshold()) != 0;
            Double clinicOld = clinicBefore == null ? null
                    : clinicBefore.rule(e.alarmId()).map(LimitRule::threshold).orElse(null);
            boolean clinicChanged = clinicOld != null && Double.compare(clinicOld, e.threshold()) != 0;
            if (!changesHere && !clinicChanged) {
                continue;
            }
            String scope = clinicBefore == null ? "chair" : "clinic";
            String change = Decimals.format(old) + " → " + Decimals.format(e.threshold());
            String shown = clinicBefore == null ? change : change + " (clinic defaults"
                    + (clinicChanged ? ", were " + Decimals.format(clinicOld) : "") + ")";
            logBook.add(new AlarmLogEntry(now, AlarmLogEntry.LIMIT_CHANGED, rule.id(), rule.priority(),
                    rule.vital().key(), null, e.threshold(), user, null, shown));
            java.util.Map<String, String> d = new java.util.LinkedHashMap<>();
            d.put("alarm", rule.id());
            d.put("old", Decimals.format(old));
            d.put("new", Decimals.format(e.threshold()));
            d.put("scope", scope);
            if (clinicChanged) {
                d.put("clinic_old", Decimals.format(clinicOld));
            }
            recorder.event(org.vigil.domain.RecordedEvent.of(now, org.vigil.domain.SessionEventType.LIMIT_CHANGED, d, user));
            if (changesHere) {
                cfg = cfg.withRule(rule.withThreshold(e.threshold()));
                any = true;
            }
        }
        return any ? cfg : null;
    }
}
