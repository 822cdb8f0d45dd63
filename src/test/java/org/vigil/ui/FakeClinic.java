package org.vigil.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.vigil.chair.ClinicalCommands;
import org.vigil.domain.RecordedEvent;
import org.vigil.session.ActionResult;
import org.vigil.session.ClinicalEventKind;
import org.vigil.session.ClinicalSession;
import org.vigil.session.CuffReading;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.SessionRules;

/**
 * A real {@link ClinicalSession} behind a {@link FakeChairFeed}: the commands run at once on the
 * calling thread at the feed's clock, as the chair's core thread would, and complete their futures.
 * The test moves the clock, adds cuff readings and vitals; the feed's clinical view is the session's.
 */
final class FakeClinic implements ClinicalCommands {

    final FakeChairFeed feed;
    final SessionRules rules;
    final List<RecordedEvent> recorded = new CopyOnWriteArrayList<>();
    /** Who sent each command, in order ("startInfusion by nurse"). */
    final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile ClinicalSession session;

    FakeClinic(FakeChairFeed feed) {
        this(feed, SessionRules.DEFAULTS);
    }

    FakeClinic(FakeChairFeed feed, SessionRules rules) {
        this.feed = feed;
        this.rules = rules;
        feed.clinical = this;
        feed.clinicalView = () -> Optional.ofNullable(session).map(ClinicalSession::view);
    }

    Instant now() {
        return feed.now;
    }

    /** A cuff reading {@code secondsAfterStart} into the feed's session, given to the clinical session too. */
    void cuff(long secondsAfterStart, double sys, double dia) {
        feed.cuff(secondsAfterStart, sys, dia);
        if (session != null) {
            CuffReading c = feed.cuffs.get(feed.cuffs.size() - 1);
            session.onCuff(c, now());
        }
    }

    void vitals(Double spo2, Double hr) {
        if (session != null) {
            session.onVitals(spo2, hr, null, now());
        }
    }

    void tick() {
        if (session != null) {
            session.tick(now());
        }
    }

    ClinicalSession session() {
        return session;
    }

    private CompletableFuture<ActionResult> run(String what, String user, Supplier<ActionResult> action) {
        commands.add(what + " by " + user);
        if (session == null) {
            return CompletableFuture.completedFuture(ActionResult.refused("no patient is checked in to this chair"));
        }
        return CompletableFuture.completedFuture(action.get());
    }

    @Override
    public CompletableFuture<ActionResult> checkIn(Patient patient, InfusionOrder order, boolean confirmAboveUsual,
            org.vigil.domain.Actor actor) {
        String user = actor.name();
        commands.add("checkIn by " + user);
        if (session != null && session.phase() != org.vigil.session.Phase.DISCHARGED) {
            return CompletableFuture.completedFuture(ActionResult.refused("a session runs in this chair"));
        }
        ClinicalSession.CheckIn in = ClinicalSession.checkIn(patient, order, confirmAboveUsual, rules, now(), user,
                recorded::add);
        if (in.result().done()) {
            session = in.session();
        }
        return CompletableFuture.completedFuture(in.result());
    }

    @Override
    public CompletableFuture<ActionResult> captureBaseline(org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("captureBaseline", user, () -> {
            List<CuffReading> c = feed.cuffs;
            if (c.size() < 2) {
                return ActionResult.refused("fewer than 2 cuff readings this session");
            }
            CuffReading a = c.get(c.size() - 2);
            CuffReading b = c.get(c.size() - 1);
            return session.captureBaseline((a.sys() + b.sys()) / 2, (a.dia() + b.dia()) / 2, session.latestHeartRate(),
                    session.latestSpo2(), session.latestRr(), "last 2 cuffs", now(), user);
        });
    }

    @Override
    public CompletableFuture<ActionResult> typeBaseline(String sys, String dia, String hr, String spo2, String rr,
            org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("typeBaseline", user, () -> {
            try {
                return session.captureBaseline(Double.parseDouble(sys), Double.parseDouble(dia), opt(hr), opt(spo2), opt(rr),
                        "typed", now(), user);
            } catch (NumberFormatException e) {
                return ActionResult.refused("the baseline pressure is no number");
            }
        });
    }

    private static Double opt(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s);
    }

    @Override
    public CompletableFuture<ActionResult> startInfusion(org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("startInfusion", user, () -> session.startInfusion(now(), user));
    }

    @Override
    public CompletableFuture<ActionResult> confirmStart(org.vigil.domain.Actor by, String note) {
        // as the chair: only a prescriber confirms
        var no = org.vigil.access.Authorizer.refusal(by, org.vigil.access.Command.CONFIRM_START);
        if (no.isPresent()) {
            return CompletableFuture.completedFuture(ActionResult.refused(no.get()));
        }
        String prescriber = by.name();
        return run("confirmStart", prescriber, () -> session.confirmStart(prescriber, note, now()));
    }

    @Override
    public CompletableFuture<ActionResult> pauseInfusion(org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("pauseInfusion", user, () -> session.pauseInfusion(now(), user));
    }

    @Override
    public CompletableFuture<ActionResult> resumeInfusion(org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("resumeInfusion", user, () -> session.resumeInfusion(now(), user));
    }

    @Override
    public CompletableFuture<ActionResult> changeRate(double rateMlPerH, org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("changeRate", user, () -> session.changeRate(rateMlPerH, now(), user));
    }

    @Override
    public CompletableFuture<ActionResult> stopInfusion(org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("stopInfusion", user, () -> session.stopInfusion(now(), user));
    }

    @Override
    public CompletableFuture<ActionResult> event(ClinicalEventKind kind, String detail, Instant happened, org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("event " + kind.key(), user, () -> session.event(kind, detail, happened, now(), user));
    }

    @Override
    public CompletableFuture<ActionResult> note(String text, Instant happened, org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("note", user, () -> session.note(text, happened, now(), user));
    }

    @Override
    public CompletableFuture<ActionResult> score(Integer aldrete, Integer sedation, Integer dissociation, Instant happened,
            org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("score", user, () -> session.score(aldrete, sedation, dissociation, happened, now(), user));
    }

    @Override
    public CompletableFuture<ActionResult> correct(long seq, Map<String, String> fields, String reason, org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("correct " + seq, user, () -> session.correct(seq, fields, reason, now(), user));
    }

    @Override
    public CompletableFuture<ActionResult> discharge(boolean escortConfirmed, org.vigil.domain.Actor actor) {
        String user = actor.name();
        return run("discharge", user, () -> session.discharge(escortConfirmed, now(), user));
    }
}
