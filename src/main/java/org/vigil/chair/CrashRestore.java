package org.vigil.chair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.vigil.alarm.AlarmEngine;
import org.vigil.alarm.AlarmSettingsState;
import org.vigil.alarm.Baseline;
import org.vigil.domain.Decimals;
import org.vigil.domain.Durations;

/**
 * Puts one chair's saved alarm settings back after a crash ({@link SettingsRestore.Plan}) and
 * says what came back and what did not. Thresholds are judged by the chair's limit editor (the
 * clinic bounds) on the calling thread; everything that touches the engine runs in
 * {@link #apply} on the core thread.
 */
final class CrashRestore {

    /** The thresholds the editor accepted, and the first words of the record. */
    record Prepared(SettingsRestore.Plan plan, String who, List<LimitEditor.Edit> edits, List<String> restored,
            List<String> notRestored) {
    }

    private final LimitEditor limits;
    private final AlarmEngine engine;

    CrashRestore(LimitEditor limits, AlarmEngine engine) {
        this.limits = limits;
        this.engine = engine;
    }

    /** Any thread: asks the limit editor for each saved threshold. */
    Prepared prepare(SettingsRestore.Plan plan) {
        String who = "restart (session " + plan.fromSession() + ")";
        List<String> restored = new ArrayList<>();
        List<String> not = new ArrayList<>(plan.notRestored());
        List<LimitEditor.Edit> edits = new ArrayList<>();
        for (Map.Entry<String, Double> t : new TreeMap<>(plan.state().thresholds()).entrySet()) {
            LimitChange c = limits.request(t.getKey(), t.getValue());
            if (c.changed()) {
                edits.add(new LimitEditor.Edit(t.getKey(), t.getValue()));
                restored.add(t.getKey() + " " + Decimals.format(t.getValue()));
            } else if (!c.accepted()) {
                not.add(t.getKey() + " " + Decimals.format(t.getValue()) + " (" + c.reason().orElse("") + ")");
            }
        }
        return new Prepared(plan, who, edits, restored, not);
    }

    /**
     * Core thread: the thresholds (through {@code applyThresholds}, which records them), alarms off
     * and on, the baseline (handed to {@code baselineRestored} too), the audio pause and the latched
     * alarms. Returns the detail of the {@code settings_restored} record.
     */
    String apply(Prepared p, Consumer<List<LimitEditor.Edit>> applyThresholds, Consumer<Baseline> baselineRestored) {
        AlarmSettingsState saved = p.plan().state();
        List<String> restored = new ArrayList<>(p.restored());
        List<String> not = new ArrayList<>(p.notRestored());
        if (!p.edits().isEmpty()) {
            applyThresholds.accept(p.edits());
        }
        AlarmSettingsState current = engine.settingsState();
        Set<String> ids = new TreeSet<>(current.thresholds().keySet());
        ids.addAll(current.off());
        ids.addAll(saved.off());
        for (String id : ids) {
            boolean wasOff = saved.off().contains(id);
            if (wasOff == current.off().contains(id)) {
                continue;
            }
            try {
                engine.setAlarmEnabled(id, !wasOff, p.who());
                limits.enabled(id, !wasOff);
                restored.add(id + (wasOff ? " off" : " on"));
            } catch (IllegalArgumentException e) {
                not.add(id + (wasOff ? " off" : " on") + " (no such alarm here)");
            }
        }
        if (saved.baseline() != null) {
            engine.setBaseline(saved.baseline(), p.who(), "restored");
            baselineRestored.accept(saved.baseline());
            restored.add("baseline " + saved.baseline().describe());
        }
        if (saved.audioPausedUntil() != null) {
            engine.restoreAudioPause(saved.audioPausedUntil(), "restored");
            restored.add("audio pause until " + saved.audioPausedUntil());
        }
        String note = "latched before the restart, not acknowledged";
        for (AlarmSettingsState.Latched a : saved.latched()) {
            if (engine.restoreLatched(a, note)) {
                restored.add("latched " + a.id());
            } else {
                not.add("latched " + a.id() + " (no such alarm here, or switched off)");
            }
        }
        return "settings restored from session " + p.plan().fromSession() + " (station off "
                + Durations.format(p.plan().offFor()) + "): "
                + (restored.isEmpty() ? "nothing differed from the clinic's" : String.join(", ", restored))
                + (not.isEmpty() ? "" : "; not restored: " + String.join(", ", not));
    }
}
