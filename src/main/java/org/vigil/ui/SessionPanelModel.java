package org.vigil.ui;

import org.vigil.domain.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.chair.ChairFeed;
import org.vigil.chair.ClinicalCommands;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.session.ActionResult;
import org.vigil.session.ClinicalEventKind;
import org.vigil.session.DoseCalculation;
import org.vigil.session.Phase;
import org.vigil.session.SessionView;

/**
 * What the session strip and the session panel of one chair show, computed from the chair's
 * {@link SessionView}, and the clinical commands they send. {@link #update} runs once per frame on
 * the FX thread (it recomputes only when the session changed or a second passed). Commands go to
 * {@link ChairFeed#clinical()} as the acting user; their results come back on {@code fx} and are
 * shown in the section where the nurse pressed ({@link #message}): a refusal with every reason,
 * never silence.
 */
final class SessionPanelModel {

    /** Where a command was given, so its result shows there. */
    enum Section { CHECK_IN, BASELINE, START, INFUSION, EVENTS, SCORES, CORRECTION, DISCHARGE }

    /** One row of the session's event list; {@code corrections} stand beside the original. */
    record EventRow(long seq, SessionEventType type, String time, String written, String who, String text,
            List<String> corrections, boolean correctable, Map<String, String> detail) {
    }

    private final ChairFeed feed;
    private final Supplier<Actor> user;
    private final ZoneId zone;
    private final Executor fx;

    private final BooleanProperty free = new SimpleBooleanProperty(true);
    private final StringProperty freeText = new SimpleStringProperty("Free \u2014 check in the next patient");
    private final StringProperty patient = new SimpleStringProperty("");
    private final StringProperty allergies = new SimpleStringProperty("");
    private final StringProperty phase = new SimpleStringProperty("");
    private final StringProperty phaseTimer = new SimpleStringProperty("");
    private final StringProperty sinceStart = new SimpleStringProperty("");
    private final StringProperty order = new SimpleStringProperty("");
    private final StringProperty baseline = new SimpleStringProperty("");
    private final BooleanProperty inBaseline = new SimpleBooleanProperty();
    private final StringProperty startBlockers = new SimpleStringProperty("");
    private final BooleanProperty canStart = new SimpleBooleanProperty();
    private final BooleanProperty gateClosed = new SimpleBooleanProperty();
    private final BooleanProperty infusing = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final StringProperty rate = new SimpleStringProperty("");
    private final StringProperty nextCuff = new SimpleStringProperty("");
    private final BooleanProperty cuffOverdue = new SimpleBooleanProperty();
    private final StringProperty nextScore = new SimpleStringProperty("");
    private final BooleanProperty scoreOverdue = new SimpleBooleanProperty();
    private final StringProperty reminder = new SimpleStringProperty("");
    private final StringProperty scores = new SimpleStringProperty("");
    private final StringProperty checkpoints = new SimpleStringProperty("");
    private final StringProperty readiness = new SimpleStringProperty("");
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty afterInfusion = new SimpleBooleanProperty();
    private final StringProperty monitoring = new SimpleStringProperty("");
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final Map<Section, StringProperty> messages = new EnumMap<>(Section.class);
    private final Map<Section, BooleanProperty> errors = new EnumMap<>(Section.class);

    private SessionView shown;
    private long shownSecond = Long.MIN_VALUE;

    SessionPanelModel(ChairFeed feed, Supplier<Actor> user, ZoneId zone, Executor fx) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.user = Objects.requireNonNull(user, "user");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.fx = Objects.requireNonNull(fx, "fx");
        for (Section s : Section.values()) {
            messages.put(s, new SimpleStringProperty(""));
            errors.put(s, new SimpleBooleanProperty());
        }
    }

    /** Once per frame: reads the session and, when it changed or a second passed, every text. */
    void update(Instant now) {
        SessionView v = feed.clinicalSession().orElse(null);
        long second = now.getEpochSecond();
        if (v == shown && second == shownSecond) {
            return;
        }
        boolean changed = v != shown;
        shown = v;
        shownSecond = second;
        if (v == null || v.phase() == Phase.DISCHARGED) {
            showFree(v);
            return;
        }
        free.set(false);
        var p = v.patient();
        patient.set(p.name() + "  \u00B7  MRN " + p.mrn());
        allergies.set(p.allergies().isEmpty() ? "No known allergies" : "Allergies: " + p.allergies());
        phase.set(v.paused() ? "Infusion paused" : v.phase().label());
        phaseTimer.set(Formats.elapsed(v.inPhase(now)));
        sinceStart.set(v.infusionStart() == null ? ""
                : Formats.elapsed(Duration.between(v.infusionStart(), now)) + " since infusion start");
        DoseCalculation d = v.dose();
        order.set(DoseCalculation.number(d.totalMg()) + " mg (" + DoseCalculation.number(v.order().doseMgPerKg())
                + " mg/kg \u00D7 " + DoseCalculation.number(v.order().weightKg()) + " kg), "
                + DoseCalculation.number(d.volumeMl()) + " mL over " + DoseCalculation.number(v.order().durationMin())
                + " min; ordered by " + v.order().prescriber());
        baseline.set(v.baseline() == null ? "No baseline yet" : "Baseline " + SessionTexts.baseline(v.baseline()));
        inBaseline.set(v.phase() == Phase.BASELINE);
        startBlockers.set(v.phase() != Phase.BASELINE ? "" : startReasons(v));
        canStart.set(v.phase() == Phase.BASELINE && startBlockers.get().isEmpty());
        gateClosed.set(v.phase() == Phase.BASELINE && v.gateClosed());
        infusing.set(v.phase() == Phase.INFUSION);
        paused.set(v.paused());
        rate.set(v.phase() == Phase.INFUSION ? DoseCalculation.number(v.rateMlPerH()) + " mL/h" : "");
        nextCuff.set(SessionTexts.due("BP", v.nextCuffDue(), now));
        cuffOverdue.set(SessionTexts.overdue(v.nextCuffDue(), now));
        nextScore.set(SessionTexts.due("score", v.nextScoreDue(), now));
        scoreOverdue.set(SessionTexts.overdue(v.nextScoreDue(), now));
        reminder.set(reminderText());
        scores.set(SessionTexts.scores(v.scores()));
        checkpoints.set(checkpointText(v));
        afterInfusion.set(v.phase() == Phase.RECOVERY || v.phase() == Phase.READY_FOR_DISCHARGE);
        ready.set(v.phase() == Phase.READY_FOR_DISCHARGE && v.readiness().isEmpty());
        readiness.set(readinessText(v));
        monitoring.set("Total monitoring time " + Formats.elapsed(Duration.between(v.checkedInAt(), now)));
        if (changed) {
            List<EventRow> rows = rows(v.events(), zone);
            if (!rows.equals(events)) {
                events.setAll(rows);
            }
        }
    }

    private void showFree(SessionView last) {
        free.set(true);
        freeText.set(last == null ? "Free \u2014 check in the next patient"
                : "Free \u2014 check in the next patient  (" + last.patient().initials() + " discharged at "
                        + SessionTexts.clock(last.dischargedAt(), zone) + ")");
        for (StringProperty s : List.of(patient, allergies, phase, phaseTimer, sinceStart, order, baseline, startBlockers,
                rate, nextCuff, nextScore, reminder, scores, checkpoints, readiness, monitoring)) {
            s.set("");
        }
        for (BooleanProperty b : List.of(inBaseline, canStart, gateClosed, infusing, paused, cuffOverdue, scoreOverdue,
                afterInfusion, ready)) {
            b.set(false);
        }
        events.clear();
    }

    private static String startReasons(SessionView v) {
        if (v.baseline() == null) {
            return "No baseline yet: capture it from two cuff readings or type it in";
        }
        if (v.gateClosed()) {
            return "Start gate: baseline " + v.baseline().nibp() + " is above the clinic's limit; a prescriber must confirm";
        }
        return "";
    }

    private String reminderText() {
        List<String> r = new ArrayList<>();
        if (cuffOverdue.get()) {
            r.add(nextCuff.get() + ": take a cuff reading");
        }
        if (scoreOverdue.get()) {
            r.add(nextScore.get() + ": enter sedation and dissociation scores");
        }
        return String.join("   \u00B7   ", r);
    }

    private String checkpointText(SessionView v) {
        if (v.checkpoints().isEmpty()) {
            return "BP checkpoints: none yet";
        }
        List<String> parts = new ArrayList<>();
        for (RecordedEvent c : v.checkpoints()) {
            String at = c.get("at");
            parts.add(SessionTexts.checkpointLabel(c.get("label")) + " " + c.get("nibp")
                    + (at == null ? "" : " (" + SessionTexts.clock(Instant.parse(at), zone) + ")"));
        }
        return "BP checkpoints: " + String.join("; ", parts);
    }

    private static String readinessText(SessionView v) {
        if (v.phase() == Phase.READY_FOR_DISCHARGE && v.readiness().isEmpty()) {
            return "Ready for discharge: Aldrete, BP and SpO2 criteria met";
        }
        if (v.readiness().isEmpty()) {
            return "";
        }
        return "Not ready for discharge: " + String.join("; ", v.readiness());
    }

    /** The event list, newest first; a correction is shown beside the event it corrects. */
    static List<EventRow> rows(List<RecordedEvent> events, ZoneId zone) {
        Map<Long, List<String>> corrections = new HashMap<>();
        for (RecordedEvent e : events) {
            if (e.type() == SessionEventType.CORRECTION) {
                Map<String, String> fields = new LinkedHashMap<>(e.detail());
                fields.remove("corrects");
                String reason = fields.remove("reason");
                String what = e.detail().keySet().stream().anyMatch(k -> k.equals("aldrete") || k.equals("sedation")
                        || k.equals("dissociation")) ? SessionTexts.scores(fields) : String.join(", ", fields.values());
                corrections.computeIfAbsent(e.corrects(), k -> new ArrayList<>()).add("corrected to " + what + " (" + reason
                        + ") by " + e.user() + " at " + SessionTexts.clock(e.recordedAt(), zone));
            }
        }
        List<EventRow> rows = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            RecordedEvent e = events.get(i);
            if (e.type() == SessionEventType.CORRECTION || e.type() == SessionEventType.PHASE) {
                continue;
            }
            boolean correctable = e.type() == SessionEventType.EVENT || e.type() == SessionEventType.SCORE
                    || e.type() == SessionEventType.NOTE;
            rows.add(new EventRow(e.seq(), e.type(), SessionTexts.clock(e.time(), zone),
                    e.late() ? "written " + SessionTexts.clock(e.recordedAt(), zone) : "",
                    e.user() == null ? "station" : e.user(), SessionTexts.describe(e),
                    List.copyOf(corrections.getOrDefault(e.seq(), List.of())), correctable, e.detail()));
        }
        return rows;
    }

    // ---- commands ----

    private ClinicalCommands commands() {
        return feed.clinical();
    }

    /** Sends a command and shows its result in {@code where}; the same future completes on the FX side. */
    CompletableFuture<ActionResult> send(Section where, CompletableFuture<ActionResult> command, String doneText) {
        CompletableFuture<ActionResult> shownResult = new CompletableFuture<>();
        command.whenComplete((r, ex) -> fx.execute(() -> {
            ActionResult result = ex != null ? ActionResult.refused("the station could not do it: " + rootMessage(ex)) : r;
            show(where, result, doneText);
            shownResult.complete(result);
        }));
        return shownResult;
    }

    private static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    void show(Section where, ActionResult r, String doneText) {
        messages.get(where).set(r.done() ? doneText : "Refused: " + r.reasonText());
        errors.get(where).set(!r.done());
    }

    /** Shows a problem found before anything was sent (a field that is no number). */
    void refuseHere(Section where, String reason) {
        show(where, ActionResult.refused(reason), "");
    }

    CompletableFuture<ActionResult> captureBaseline() {
        return send(Section.BASELINE, commands().captureBaseline(user.get()), "Baseline captured");
    }

    CompletableFuture<ActionResult> typeBaseline(String sys, String dia, String hr, String spo2, String rr) {
        return send(Section.BASELINE, commands().typeBaseline(sys, dia, hr, spo2, rr, user.get()), "Baseline typed in");
    }

    CompletableFuture<ActionResult> startInfusion() {
        return send(Section.START, commands().startInfusion(user.get()), "Infusion started");
    }

    CompletableFuture<ActionResult> confirmStart(String prescriber, String note) {
        // the prescriber logged in confirms (the chair refuses anyone else); the typed name is not trusted
        Actor by = user.get();
        return send(Section.START, commands().confirmStart(by, note), "Start confirmed by " + by.name());
    }

    CompletableFuture<ActionResult> pause() {
        return send(Section.INFUSION, commands().pauseInfusion(user.get()), "Infusion paused");
    }

    CompletableFuture<ActionResult> resume() {
        return send(Section.INFUSION, commands().resumeInfusion(user.get()), "Infusion resumed");
    }

    CompletableFuture<ActionResult> changeRate(String text) {
        double r;
        try {
            r = Double.parseDouble(text.trim().replace(',', '.'));
        } catch (NumberFormatException | NullPointerException e) {
            refuseHere(Section.INFUSION, "the new rate '" + (text == null ? "" : text.trim()) + "' is no number (mL/h)");
            return CompletableFuture.completedFuture(ActionResult.refused("no number"));
        }
        return send(Section.INFUSION, commands().changeRate(r, user.get()), "Rate changed to " + DoseCalculation.number(r)
                + " mL/h");
    }

    CompletableFuture<ActionResult> stop() {
        return send(Section.INFUSION, commands().stopInfusion(user.get()), "Infusion stopped");
    }

    /** A one-tap event; {@code happenedText} "HH:mm" for a late entry, blank for now. */
    CompletableFuture<ActionResult> event(ClinicalEventKind kind, String detail, String happenedText) {
        Instant at;
        try {
            at = SessionTexts.happenedAt(happenedText, feed.now(), zone);
        } catch (IllegalArgumentException e) {
            refuseHere(Section.EVENTS, e.getMessage());
            return CompletableFuture.completedFuture(ActionResult.refused(e.getMessage()));
        }
        return send(Section.EVENTS, commands().event(kind, detail, at, user.get()),
                SessionTexts.kindLabel(kind.key()) + " recorded" + (at == null ? "" : " at " + SessionTexts.clock(at, zone)));
    }

    CompletableFuture<ActionResult> note(String text, String happenedText) {
        Instant at;
        try {
            at = SessionTexts.happenedAt(happenedText, feed.now(), zone);
        } catch (IllegalArgumentException e) {
            refuseHere(Section.EVENTS, e.getMessage());
            return CompletableFuture.completedFuture(ActionResult.refused(e.getMessage()));
        }
        return send(Section.EVENTS, commands().note(text, at, user.get()), "Note recorded");
    }

    /** Scores as typed (blank: not given); refused here when one is no whole number. */
    CompletableFuture<ActionResult> score(String aldrete, String sedation, String dissociation, String happenedText) {
        try {
            Integer a = whole("Aldrete", aldrete);
            Integer s = whole("MOAA/S", sedation);
            Integer d = whole("dissociation", dissociation);
            Instant at = SessionTexts.happenedAt(happenedText, feed.now(), zone);
            return send(Section.SCORES, commands().score(a, s, d, at, user.get()), "Scores recorded");
        } catch (IllegalArgumentException e) {
            refuseHere(Section.SCORES, e.getMessage());
            return CompletableFuture.completedFuture(ActionResult.refused(e.getMessage()));
        }
    }

    private static Integer whole(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + text.trim() + "' is not a whole number");
        }
    }

    /** Corrects an event of the list: the original stays, the correction shows beside it. */
    CompletableFuture<ActionResult> correct(EventRow row, Map<String, String> fields, String reason) {
        Map<String, String> clean = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                clean.put(k, v.trim());
            }
        });
        if (clean.isEmpty()) {
            refuseHere(Section.CORRECTION, "nothing to correct: type the corrected value");
            return CompletableFuture.completedFuture(ActionResult.refused("nothing to correct"));
        }
        return send(Section.CORRECTION, commands().correct(row.seq(), clean, reason, user.get()), "Correction recorded");
    }

    /** Discharges, signed by the user logged in ({@code signer} is no longer trusted: who signs is who logged in). */
    CompletableFuture<ActionResult> discharge(boolean escort, String signer) {
        Actor by = user.get();
        return send(Section.DISCHARGE, commands().discharge(escort, by), "Discharged, signed by " + by.name());
    }

    // ---- state for the views ----

    StringProperty message(Section s) {
        return messages.get(s);
    }

    BooleanProperty error(Section s) {
        return errors.get(s);
    }

    BooleanProperty freeProperty() {
        return free;
    }

    StringProperty freeTextProperty() {
        return freeText;
    }

    StringProperty patientProperty() {
        return patient;
    }

    StringProperty allergiesProperty() {
        return allergies;
    }

    StringProperty phaseProperty() {
        return phase;
    }

    StringProperty phaseTimerProperty() {
        return phaseTimer;
    }

    StringProperty sinceStartProperty() {
        return sinceStart;
    }

    StringProperty orderProperty() {
        return order;
    }

    StringProperty baselineProperty() {
        return baseline;
    }

    BooleanProperty inBaselineProperty() {
        return inBaseline;
    }

    StringProperty startBlockersProperty() {
        return startBlockers;
    }

    BooleanProperty canStartProperty() {
        return canStart;
    }

    BooleanProperty gateClosedProperty() {
        return gateClosed;
    }

    BooleanProperty infusingProperty() {
        return infusing;
    }

    BooleanProperty pausedProperty() {
        return paused;
    }

    StringProperty rateProperty() {
        return rate;
    }

    StringProperty nextCuffProperty() {
        return nextCuff;
    }

    BooleanProperty cuffOverdueProperty() {
        return cuffOverdue;
    }

    StringProperty nextScoreProperty() {
        return nextScore;
    }

    BooleanProperty scoreOverdueProperty() {
        return scoreOverdue;
    }

    /** What is overdue, with what to do ("BP overdue 1:05: take a cuff reading"); empty when nothing is. */
    StringProperty reminderProperty() {
        return reminder;
    }

    StringProperty scoresProperty() {
        return scores;
    }

    StringProperty checkpointsProperty() {
        return checkpoints;
    }

    StringProperty readinessProperty() {
        return readiness;
    }

    BooleanProperty readyProperty() {
        return ready;
    }

    BooleanProperty afterInfusionProperty() {
        return afterInfusion;
    }

    StringProperty monitoringProperty() {
        return monitoring;
    }

    ObservableList<EventRow> events() {
        return events;
    }

    Supplier<Actor> user() {
        return user;
    }
}
