package org.vigil.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;

/**
 * One patient's infusion session in a chair, from check-in to discharge: the order and its dose,
 * the baseline, the start gate, the phases, the infusion, clinical events, scores, the BP
 * checkpoints and discharge readiness.
 *
 * <p>Event-sourced: every command checks its rules against the current state, then emits one or
 * more {@link RecordedEvent}s; the state changes only by {@link #apply applying} an event. So the
 * state after a crash is rebuilt by replaying the recorded events ({@link #resume}), and what is
 * recorded is exactly what the rules decided. The events go to the sink in order (the chair
 * records them; the scenario runner prints them).
 *
 * <p>Not thread-safe: the chair calls it on its core thread; screens read {@link #view()}, an
 * immutable snapshot. Time is what the caller says it is (the chair's injected clock).
 */
public final class ClinicalSession {

    /** How many recent events the view carries for the screen. */
    static final int VIEW_EVENTS = 200;

    private final Patient patient;
    private final InfusionOrder order;
    private final DoseCalculation dose;
    private final SessionRules rules;
    private final Consumer<RecordedEvent> sink;

    private long seq;
    private Instant openedAt;
    private Phase phase;
    private Instant phaseSince;
    private SessionBaseline baseline;
    private String startConfirmedBy;
    private Instant infusionStart;
    private Instant infusionStop;
    private boolean paused;
    private double rate;
    private Instant dischargedAt;
    private final Map<String, RecordedEvent> checkpoints = new LinkedHashMap<>();
    private final Map<Score, Integer> scores = new EnumMap<>(Score.class);
    private final Map<Score, Instant> scoredAt = new EnumMap<>(Score.class);
    private final List<RecordedEvent> events = new ArrayList<>();
    /** Cuff readings since check-in (inputs, not events). */
    private final List<CuffReading> cuffs = new ArrayList<>();
    private Double spo2;
    private Double hr;
    private Double rr;
    private List<String> readinessReasons = List.of("the infusion has not run");
    private volatile SessionView view;

    /** The scores a nurse enters. */
    public enum Score {
        /** Modified Aldrete, 0-10: discharge needs at least {@link SessionRules#aldreteMin()}. */
        ALDRETE(0, 10),
        /** Sedation, MOAA/S 0-5 (5 = responds readily to name in normal tone). */
        SEDATION(0, 5),
        /** Dissociation, 0-4 (none, mild, moderate, severe, extreme). */
        DISSOCIATION(0, 4);

        private final int min;
        private final int max;

        Score(int min, int max) {
            this.min = min;
            this.max = max;
        }

        public int min() {
            return min;
        }

        public int max() {
            return max;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The score whose {@link #key()} is {@code key}, or null. */
        public static Score fromKey(String key) {
            for (Score s : values()) {
                if (s.key().equals(key)) {
                    return s;
                }
            }
            return null;
        }
    }

    private ClinicalSession(Patient patient, InfusionOrder order, SessionRules rules, Consumer<RecordedEvent> sink) {
        this.patient = Objects.requireNonNull(patient, "patient");
        this.order = Objects.requireNonNull(order, "order");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.dose = DoseCalculation.of(order, rules);
        this.rate = dose.rateMlPerH();
    }

    /** The result of a check-in: the session, or the reasons it was refused (then nothing is recorded). */
    public record CheckIn(ClinicalSession session, ActionResult result) {
    }

    /**
     * Checks a patient in with an order. Refused, with every reason, when the order is outside the
     * clinic's ranges, or above the usual dose without {@code confirmAboveUsual}. Emits
     * {@code check_in}, {@code dose}, {@code dose_confirmed} (when above usual) and {@code phase baseline}.
     */
    public static CheckIn checkIn(Patient patient, InfusionOrder order, boolean confirmAboveUsual, SessionRules rules,
            Instant now, String user, Consumer<RecordedEvent> sink) {
        DoseCalculation d = DoseCalculation.of(order, rules);
        List<String> reasons = new ArrayList<>(d.refusals());
        if (reasons.isEmpty() && d.aboveUsual() && !confirmAboveUsual) {
            reasons.add("dose " + DoseCalculation.number(order.doseMgPerKg()) + " mg/kg is above the usual "
                    + DoseCalculation.number(rules.usualDoseMax()) + " mg/kg: confirm it to go on");
        }
        if (!reasons.isEmpty()) {
            return new CheckIn(null, ActionResult.refused(reasons));
        }
        ClinicalSession s = new ClinicalSession(patient, order, rules, sink);
        Map<String, String> in = new LinkedHashMap<>();
        in.put("mrn", patient.mrn());
        in.put("weight_kg", DoseCalculation.number(order.weightKg()));
        s.emit(now, now, SessionEventType.CHECK_IN, in, user, 0);
        s.emit(now, now, SessionEventType.DOSE, d.detail(), user, 0);
        if (d.aboveUsual()) {
            s.emit(now, now, SessionEventType.DOSE_CONFIRMED, Map.of("dose_mg_kg",
                    DoseCalculation.number(order.doseMgPerKg()), "usual_max", DoseCalculation.number(rules.usualDoseMax())),
                    user, 0);
        }
        s.emit(now, now, SessionEventType.PHASE, Map.of("phase", Phase.BASELINE.key()), null, 0);
        return new CheckIn(s, ActionResult.ok());
    }

    /**
     * Rebuilds a session from its recorded events (after a crash): the state is what applying
     * them gives, and new events continue the numbering. Nothing is emitted.
     */
    public static ClinicalSession resume(Patient patient, InfusionOrder order, SessionRules rules,
            List<RecordedEvent> history, Consumer<RecordedEvent> sink) {
        return resume(patient, order, rules, history, List.of(), sink);
    }

    /**
     * As {@link #resume(Patient, InfusionOrder, SessionRules, List, Consumer)} with the session's
     * recorded cuff readings, so that readiness and the next checkpoint see them (inputs, not
     * events: they are not replayed as decisions, and readiness is only re-evaluated at the next
     * input, so a resume itself records nothing).
     */
    public static ClinicalSession resume(Patient patient, InfusionOrder order, SessionRules rules,
            List<RecordedEvent> history, List<CuffReading> recordedCuffs, Consumer<RecordedEvent> sink) {
        ClinicalSession s = new ClinicalSession(patient, order, rules, sink);
        for (RecordedEvent e : history) {
            s.apply(e);
        }
        s.cuffs.addAll(recordedCuffs.size() > 2_000 ? recordedCuffs.subList(recordedCuffs.size() - 2_000,
                recordedCuffs.size()) : recordedCuffs);
        s.readinessReasons = s.phase == null || s.phase == Phase.DISCHARGED ? List.of() : s.dischargeBlockers(
                s.lastEventTime());
        s.publish();
        return s;
    }

    private Instant lastEventTime() {
        return events.isEmpty() ? Instant.EPOCH : events.get(events.size() - 1).recordedAt();
    }

    // ---- inputs from the chair ----

    /**
     * Cuff readings the chair took shortly before the check-in (the baseline is often measured
     * before the paperwork is done): kept as inputs, so the pre-dose checkpoint can use them.
     */
    public void priorCuffs(List<CuffReading> recent) {
        for (CuffReading c : recent) {
            if (cuffs.isEmpty() || c.time().isAfter(cuffs.get(cuffs.size() - 1).time())) {
                cuffs.add(c);
            }
        }
        publish();
    }

    /** A cuff measurement of this chair (any time after check-in). */
    public void onCuff(CuffReading c, Instant now) {
        cuffs.add(c);
        if (cuffs.size() > 2_000) {
            cuffs.remove(0);
        }
        labelPostDoseCheckpoint(c);
        evaluateReadiness(now);
    }

    /** The latest valid SpO2, heart rate (HR or PR) and respiratory rate; null when none. */
    public void onVitals(Double spo2, Double hr, Double rr, Instant now) {
        this.spo2 = spo2;
        this.hr = hr;
        this.rr = rr;
        if (phase == Phase.RECOVERY || phase == Phase.READY_FOR_DISCHARGE) {
            evaluateReadiness(now);
        } else {
            publish();
        }
    }

    /** Re-evaluates what depends on time (readiness; the view's timers read the clock themselves). */
    public void tick(Instant now) {
        evaluateReadiness(now);
    }

    // ---- commands ----

    /**
     * Captures the baseline from the chair's last two cuff readings ({@code nibp}, already averaged
     * and checked by the chair) and the latest HR, SpO2 and RR, or typed values.
     */
    public ActionResult captureBaseline(double sys, double dia, Double heart, Double sat, Double resp, String source,
            Instant now, String user) {
        if (phase != Phase.BASELINE) {
            return ActionResult.refused("the baseline is taken before the infusion starts (phase is " + phase.key() + ")");
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("nibp", DoseCalculation.number(sys) + "/" + DoseCalculation.number(dia));
        if (heart != null) {
            d.put("hr", DoseCalculation.number(heart));
        }
        if (sat != null) {
            d.put("spo2", DoseCalculation.number(sat));
        }
        if (resp != null) {
            d.put("rr", DoseCalculation.number(resp));
        }
        if (source != null && !source.isBlank()) {
            d.put("source", source);
        }
        emit(now, now, SessionEventType.BASELINE, d, user, 0);
        return ActionResult.ok();
    }

    /** The latest SpO2, heart rate and RR the chair reported (for a baseline). */
    public Double latestSpo2() {
        return spo2;
    }

    public Double latestHeartRate() {
        return hr;
    }

    public Double latestRr() {
        return rr;
    }

    /** Starts the infusion; refused before the baseline, and by the start gate until a prescriber confirms. */
    public ActionResult startInfusion(Instant now, String user) {
        List<String> why = startBlockers();
        if (!why.isEmpty()) {
            emit(now, now, SessionEventType.START_REFUSED, Map.of("reason", String.join("; ", why)), user, 0);
            return ActionResult.refused(why);
        }
        CuffReading pre = lastCuffAtOrBefore(now);
        if (pre != null) {
            emitCheckpoint(now, "pre_dose", pre);
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("action", "start");
        d.put("rate_ml_h", DoseCalculation.number(rate));
        emit(now, now, SessionEventType.INFUSION, d, user, 0);
        emit(now, now, SessionEventType.PHASE, Map.of("phase", Phase.INFUSION.key()), null, 0);
        return ActionResult.ok();
    }

    /** What stands between now and starting the infusion (empty when it may start). */
    public List<String> startBlockers() {
        List<String> why = new ArrayList<>();
        if (phase != Phase.BASELINE) {
            why.add("the infusion already started");
            return why;
        }
        if (baseline == null) {
            why.add("no baseline yet: capture it from two cuff readings or type it in");
            return why;
        }
        if (gateClosed()) {
            why.add("start gate: baseline " + baseline.nibp() + " above " + DoseCalculation.number(rules.gateSys()) + "/"
                    + DoseCalculation.number(rules.gateDia()) + "; a prescriber must confirm");
        }
        return why;
    }

    /** True while the baseline is above the gate and no prescriber has confirmed. */
    public boolean gateClosed() {
        return baseline != null && startConfirmedBy == null
                && (baseline.sys() > rules.gateSys() || baseline.dia() > rules.gateDia());
    }

    /** A prescriber confirms the start despite the gate; recorded with who, when and the note. */
    public ActionResult confirmStart(String prescriber, String note, Instant now) {
        if (prescriber == null || prescriber.isBlank()) {
            return ActionResult.refused("the confirmation needs the prescriber's name");
        }
        if (phase != Phase.BASELINE) {
            return ActionResult.refused("the infusion already started");
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("by", prescriber.trim());
        d.put("note", note == null ? "" : note.trim());
        emit(now, now, SessionEventType.START_CONFIRMED, d, prescriber.trim(), 0);
        return ActionResult.ok();
    }

    public ActionResult pauseInfusion(Instant now, String user) {
        if (phase != Phase.INFUSION || paused) {
            return ActionResult.refused(phase != Phase.INFUSION ? "no infusion is running" : "the infusion is already paused");
        }
        emit(now, now, SessionEventType.INFUSION, Map.of("action", "pause"), user, 0);
        return ActionResult.ok();
    }

    public ActionResult resumeInfusion(Instant now, String user) {
        if (phase != Phase.INFUSION || !paused) {
            return ActionResult.refused("the infusion is not paused");
        }
        emit(now, now, SessionEventType.INFUSION, Map.of("action", "resume"), user, 0);
        return ActionResult.ok();
    }

    public ActionResult changeRate(double newRate, Instant now, String user) {
        if (phase != Phase.INFUSION) {
            return ActionResult.refused("no infusion is running");
        }
        if (!rules.rateMlPerH().contains(newRate)) {
            return ActionResult.refused("pump rate " + DoseCalculation.number(newRate) + " mL/h outside "
                    + DoseCalculation.number(rules.rateMlPerH().min()) + "-" + DoseCalculation.number(rules.rateMlPerH().max())
                    + " mL/h");
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("action", "rate_change");
        d.put("rate_ml_h", DoseCalculation.number(newRate));
        d.put("old_rate_ml_h", DoseCalculation.number(rate));
        emit(now, now, SessionEventType.INFUSION, d, user, 0);
        return ActionResult.ok();
    }

    public ActionResult stopInfusion(Instant now, String user) {
        if (phase != Phase.INFUSION) {
            return ActionResult.refused("no infusion is running");
        }
        emit(now, now, SessionEventType.INFUSION, Map.of("action", "stop"), user, 0);
        emit(now, now, SessionEventType.PHASE, Map.of("phase", Phase.RECOVERY.key()), null, 0);
        evaluateReadiness(now);
        return ActionResult.ok();
    }

    /**
     * A clinical event that happened at {@code happened} (now, or earlier for an event entered
     * late: both times are kept).
     */
    public ActionResult event(ClinicalEventKind kind, String detail, Instant happened, Instant now, String user) {
        Objects.requireNonNull(kind, "kind");
        Instant at = happened == null ? now : happened;
        List<String> why = new ArrayList<>();
        if (phase == Phase.DISCHARGED) {
            why.add("the session is closed");
        }
        if (at.isAfter(now)) {
            why.add("the time " + at + " is in the future");
        }
        if (openedAt != null && at.isBefore(openedAt)) {
            why.add("the time is before the check-in");
        }
        if (kind.needsDetail() && (detail == null || detail.isBlank())) {
            why.add(kind == ClinicalEventKind.ANTIEMETIC ? "say which antiemetic and the dose" : "describe the event");
        }
        if (!why.isEmpty()) {
            return ActionResult.refused(why);
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("kind", kind.key());
        if (detail != null && !detail.isBlank()) {
            d.put("detail", detail.trim());
        }
        emit(at, now, SessionEventType.EVENT, d, user, 0);
        return ActionResult.ok();
    }

    /** A free-text nurse note. */
    public ActionResult note(String text, Instant happened, Instant now, String user) {
        if (text == null || text.isBlank()) {
            return ActionResult.refused("the note is empty");
        }
        Instant at = happened == null ? now : happened;
        if (at.isAfter(now)) {
            return ActionResult.refused("the time " + at + " is in the future");
        }
        emit(at, now, SessionEventType.NOTE, Map.of("text", text.trim()), user, 0);
        return ActionResult.ok();
    }

    /** One or more scores entered together (null for a score not given). */
    public ActionResult score(Integer aldrete, Integer sedation, Integer dissociation, Instant happened, Instant now,
            String user) {
        Map<String, String> d = new LinkedHashMap<>();
        List<String> why = new ArrayList<>();
        put(d, why, Score.ALDRETE, aldrete);
        put(d, why, Score.SEDATION, sedation);
        put(d, why, Score.DISSOCIATION, dissociation);
        if (d.isEmpty() && why.isEmpty()) {
            why.add("no score given");
        }
        if (phase == Phase.DISCHARGED) {
            why.add("the session is closed");
        }
        if (!why.isEmpty()) {
            return ActionResult.refused(why);
        }
        Instant at = happened == null ? now : happened;
        emit(at, now, SessionEventType.SCORE, d, user, 0);
        evaluateReadiness(now);
        return ActionResult.ok();
    }

    private static void put(Map<String, String> d, List<String> why, Score s, Integer v) {
        if (v == null) {
            return;
        }
        if (v < s.min() || v > s.max()) {
            why.add(s.key() + " " + v + " outside " + s.min() + "-" + s.max());
        } else {
            d.put(s.key(), Integer.toString(v));
        }
    }

    /**
     * Corrects an earlier event: the original stays; a {@code correction} event points at it with
     * the corrected fields and the reason. Only clinical events, notes and scores can be corrected.
     */
    public ActionResult correct(long originalSeq, Map<String, String> corrected, String reason, Instant now, String user) {
        RecordedEvent original = events.stream().filter(e -> e.seq() == originalSeq).findFirst().orElse(null);
        if (original == null) {
            return ActionResult.refused("no event " + originalSeq + " in this session");
        }
        if (original.type() != SessionEventType.EVENT && original.type() != SessionEventType.SCORE
                && original.type() != SessionEventType.NOTE) {
            return ActionResult.refused("a " + original.type().key() + " event cannot be corrected");
        }
        if (reason == null || reason.isBlank()) {
            return ActionResult.refused("a correction needs a reason");
        }
        if (original.type() == SessionEventType.SCORE) {
            for (Map.Entry<String, String> e : corrected.entrySet()) {
                Score s = Score.fromKey(e.getKey());
                if (s == null) {
                    return ActionResult.refused("unknown score '" + e.getKey() + "' (expected one of aldrete, sedation,"
                            + " dissociation)");
                }
                int v;
                try {
                    v = Integer.parseInt(e.getValue());
                } catch (NumberFormatException ex) {
                    return ActionResult.refused(s.key() + " '" + e.getValue() + "' is not a whole number");
                }
                if (v < s.min() || v > s.max()) {
                    return ActionResult.refused(s.key() + " " + v + " outside " + s.min() + "-" + s.max());
                }
            }
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("corrects", Long.toString(originalSeq));
        d.put("reason", reason.trim());
        d.putAll(corrected);
        emit(original.time(), now, SessionEventType.CORRECTION, d, user, originalSeq);
        evaluateReadiness(now);
        return ActionResult.ok();
    }

    /**
     * Discharges the patient: refused with every unmet criterion, else the pre-discharge BP
     * checkpoint, {@code discharged} (signed by {@code user}) and the phase {@code discharged}.
     */
    public ActionResult discharge(boolean escortConfirmed, Instant now, String user) {
        if (phase == Phase.DISCHARGED) {
            return ActionResult.refused("already discharged");
        }
        List<String> why = new ArrayList<>(dischargeBlockers(now));
        if (!escortConfirmed) {
            why.add("escort not confirmed");
        }
        if (!why.isEmpty()) {
            emit(now, now, SessionEventType.DISCHARGE_REFUSED, Map.of("reasons", String.join("; ", why)), user, 0);
            return ActionResult.refused(why);
        }
        if (!checkpoints.containsKey("post_40min")) {
            CuffReading nearest = nearestCuff(infusionStart.plus(rules.postDoseCheckpoint()));
            if (nearest != null) {
                emitCheckpoint(now, "post_40min", nearest);
            }
        }
        CuffReading last = lastCuffAtOrBefore(now);
        if (last != null) {
            emitCheckpoint(now, "pre_discharge", last);
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("by", user == null ? "" : user);
        d.put("escort", "yes");
        d.put("monitoring_min", Long.toString(Duration.between(openedAt, now).toMinutes()));
        emit(now, now, SessionEventType.DISCHARGED, d, user, 0);
        emit(now, now, SessionEventType.PHASE, Map.of("phase", Phase.DISCHARGED.key()), null, 0);
        return ActionResult.ok();
    }

    /** Every unmet discharge criterion now (escort aside). */
    public List<String> dischargeBlockers(Instant now) {
        List<String> why = new ArrayList<>();
        if (phase == Phase.BASELINE) {
            why.add("the infusion has not run");
            return why;
        }
        if (phase == Phase.INFUSION) {
            why.add("the infusion has not stopped");
            return why;
        }
        Integer aldrete = scores.get(Score.ALDRETE);
        if (aldrete == null) {
            why.add("no aldrete score");
        } else if (aldrete < rules.aldreteMin()) {
            why.add("aldrete " + aldrete + " < " + rules.aldreteMin());
        }
        CuffReading c = lastCuffAtOrBefore(now);
        if (c == null || c.time().isBefore(infusionStop)) {
            why.add("no BP since the infusion stopped");
        } else if (baseline != null) {
            within(why, "sbp", c.sys(), baseline.sys());
            within(why, "dbp", c.dia(), baseline.dia());
        }
        if (spo2 == null) {
            why.add("no SpO2");
        } else if (!(spo2 > rules.spo2Above())) {
            why.add("spo2 " + DoseCalculation.number(spo2) + " not above " + DoseCalculation.number(rules.spo2Above()));
        }
        return why;
    }

    private void within(List<String> why, String name, double value, double base) {
        if (Math.abs(value - base) > base * rules.bpWithinFraction() + 1e-9) {
            why.add(name + " " + DoseCalculation.number(value) + " not within "
                    + DoseCalculation.number(rules.bpWithinFraction() * 100) + " % of " + DoseCalculation.number(base));
        }
    }

    // ---- events ----

    private void emit(Instant time, Instant now, SessionEventType type, Map<String, String> detail, String user,
            long corrects) {
        RecordedEvent e = new RecordedEvent(time, type, detail, user, now, ++seq, corrects);
        apply(e);
        sink.accept(e);
        publish();
    }

    /** Changes the state by one event: the only way the state changes. */
    private void apply(RecordedEvent e) {
        seq = Math.max(seq, e.seq());
        events.add(e);
        if (events.size() > 5_000) {
            events.remove(0);
        }
        switch (e.type()) {
            case CHECK_IN -> openedAt = e.time();
            case PHASE -> {
                phase = Phase.fromKey(e.get("phase"));
                phaseSince = e.time();
                if (phase == Phase.DISCHARGED) {
                    dischargedAt = e.time();
                }
            }
            case BASELINE -> {
                String[] bp = e.get("nibp").split("/");
                baseline = new SessionBaseline(Double.parseDouble(bp[0]), Double.parseDouble(bp[1]), number(e.get("hr")),
                        number(e.get("spo2")), number(e.get("rr")), e.get("source"));
            }
            case START_CONFIRMED -> startConfirmedBy = e.get("by");
            case INFUSION -> {
                switch (e.get("action")) {
                    case "start" -> {
                        infusionStart = e.time();
                        paused = false;
                        rate = parse(e.get("rate_ml_h"), rate);
                    }
                    case "pause" -> paused = true;
                    case "resume" -> paused = false;
                    case "rate_change" -> rate = parse(e.get("rate_ml_h"), rate);
                    case "stop" -> {
                        infusionStop = e.time();
                        paused = false;
                    }
                    default -> { }
                }
            }
            case CHECKPOINT -> checkpoints.put(e.get("label"), e);
            case SCORE -> applyScores(e.detail(), e.time());
            case CORRECTION -> {
                RecordedEvent original = events.stream().filter(o -> o.seq() == e.corrects()).findFirst().orElse(null);
                if (original != null && original.type() == SessionEventType.SCORE) {
                    Map<String, String> d = new LinkedHashMap<>(e.detail());
                    d.remove("corrects");
                    d.remove("reason");
                    applyScores(d, original.time());
                }
            }
            default -> { }
        }
    }

    private void applyScores(Map<String, String> d, Instant at) {
        for (Score s : Score.values()) {
            String v = d.get(s.key());
            if (v != null) {
                Instant before = scoredAt.get(s);
                if (before == null || !at.isBefore(before)) {
                    scores.put(s, Integer.parseInt(v));
                    scoredAt.put(s, at);
                }
            }
        }
    }

    private static Double number(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s);
    }

    private static double parse(String s, double fallback) {
        return s == null ? fallback : Double.parseDouble(s);
    }

    // ---- checkpoints and readiness ----

    private void labelPostDoseCheckpoint(CuffReading c) {
        if (infusionStart == null || checkpoints.containsKey("post_40min")) {
            return;
        }
        Instant target = infusionStart.plus(rules.postDoseCheckpoint());
        if (c.time().isBefore(target)) {
            return;
        }
        emitCheckpoint(c.time(), "post_40min", nearestCuff(target));
    }

    private void emitCheckpoint(Instant now, String label, CuffReading c) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("label", label);
        d.put("nibp", c.pressure());
        d.put("at", c.time().toString());
        emit(now, now, SessionEventType.CHECKPOINT, d, null, 0);
    }

    private CuffReading nearestCuff(Instant target) {
        CuffReading best = null;
        for (CuffReading c : cuffs) {
            if (best == null || Duration.between(c.time(), target).abs().compareTo(Duration.between(best.time(), target).abs()) < 0) {
                best = c;
            }
        }
        return best;
    }

    private CuffReading lastCuffAtOrBefore(Instant t) {
        for (int i = cuffs.size() - 1; i >= 0; i--) {
            if (!cuffs.get(i).time().isAfter(t)) {
                return cuffs.get(i);
            }
        }
        return null;
    }

    private void evaluateReadiness(Instant now) {
        if (phase == Phase.RECOVERY || phase == Phase.READY_FOR_DISCHARGE) {
            List<String> why = dischargeBlockers(now);
            readinessReasons = why;
            if (why.isEmpty() && phase == Phase.RECOVERY) {
                emit(now, now, SessionEventType.PHASE, Map.of("phase", Phase.READY_FOR_DISCHARGE.key()), null, 0);
                return;
            }
            if (!why.isEmpty() && phase == Phase.READY_FOR_DISCHARGE) {
                emit(now, now, SessionEventType.PHASE, Map.of("phase", Phase.RECOVERY.key()), null, 0);
                return;
            }
        } else if (phase != null && phase != Phase.DISCHARGED) {
            readinessReasons = dischargeBlockers(now);
        } else {
            readinessReasons = List.of();
        }
        publish();
    }

    // ---- reading ----

    /** When the next cuff reading is due (infusion every 5 min, recovery every 15), or empty. */
    public Optional<Instant> nextCuffDue() {
        Duration every = switch (phase) {
            case INFUSION -> rules.cuffEveryInfusion();
            case RECOVERY, READY_FOR_DISCHARGE -> rules.cuffEveryRecovery();
            default -> null;
        };
        if (every == null) {
            return Optional.empty();
        }
        CuffReading last = cuffs.isEmpty() ? null : cuffs.get(cuffs.size() - 1);
        // in recovery the interval runs from the stop (ready for discharge is still recovery)
        Instant from = phase == Phase.INFUSION ? infusionStart : infusionStop;
        if (last != null && last.time().isAfter(from)) {
            from = last.time();
        }
        return Optional.of(from.plus(every));
    }

    /** When the next sedation/dissociation score is due during infusion and recovery, or empty. */
    public Optional<Instant> nextScoreDue() {
        if (phase != Phase.INFUSION && phase != Phase.RECOVERY && phase != Phase.READY_FOR_DISCHARGE) {
            return Optional.empty();
        }
        Instant last = scoredAt.get(Score.SEDATION);
        Instant dis = scoredAt.get(Score.DISSOCIATION);
        if (last == null || dis != null && dis.isBefore(last)) {
            last = dis;
        }
        Instant from = last == null || last.isBefore(infusionStart) ? infusionStart : last;
        return Optional.of(from.plus(rules.scoreEvery()));
    }

    private void publish() {
        if (phase == null) {
            return;
        }
        List<RecordedEvent> recent = events.size() <= VIEW_EVENTS ? List.copyOf(events)
                : List.copyOf(events.subList(events.size() - VIEW_EVENTS, events.size()));
        view = new SessionView(patient, order, dose, phase, phaseSince, openedAt, baseline, gateClosed(), startConfirmedBy,
                infusionStart, infusionStop, paused, rate, nextCuffDue().orElse(null), nextScoreDue().orElse(null),
                Map.copyOf(scoresView()), List.copyOf(checkpoints.values()), recent, readinessReasons, dischargedAt);
    }

    private Map<String, Integer> scoresView() {
        Map<String, Integer> m = new LinkedHashMap<>();
        scores.forEach((k, v) -> m.put(k.key(), v));
        return m;
    }

    /** The latest snapshot for the screens (any thread). */
    public SessionView view() {
        return view;
    }

    public Patient patient() {
        return patient;
    }

    public InfusionOrder order() {
        return order;
    }

    public DoseCalculation dose() {
        return dose;
    }

    public Phase phase() {
        return phase;
    }

    public Optional<SessionBaseline> baseline() {
        return Optional.ofNullable(baseline);
    }
}
