package org.vigil.chair;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.vigil.domain.Actor;
import org.vigil.session.ActionResult;
import org.vigil.session.ClinicalEventKind;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;

/**
 * The commands a screen sends for the clinical session in a chair. Each runs on the chair's core
 * thread and completes with what became of it (done, or refused with every reason); the screen
 * never waits for it on the FX thread. {@code actor} is who acts: the chair refuses what the
 * {@link org.vigil.access.Authorizer} refuses for that actor; {@code happened} is when an
 * event happened when it is entered late (null: now).
 */
public interface ClinicalCommands {

    /** Checks a patient in with an order; refused while another session runs in the chair. */
    CompletableFuture<ActionResult> checkIn(Patient patient, InfusionOrder order, boolean confirmAboveUsual, Actor actor);

    /** The baseline from the chair's last two cuff readings with the latest HR, SpO2 and RR. */
    CompletableFuture<ActionResult> captureBaseline(Actor actor);

    /** A typed baseline (text fields as entered; HR, SpO2, RR may be blank). */
    CompletableFuture<ActionResult> typeBaseline(String sys, String dia, String hr, String spo2, String rr, Actor actor);

    CompletableFuture<ActionResult> startInfusion(Actor actor);

    /** The prescriber confirms the start gate (prescribers only). */
    CompletableFuture<ActionResult> confirmStart(Actor prescriber, String note);

    CompletableFuture<ActionResult> pauseInfusion(Actor actor);

    CompletableFuture<ActionResult> resumeInfusion(Actor actor);

    CompletableFuture<ActionResult> changeRate(double rateMlPerH, Actor actor);

    CompletableFuture<ActionResult> stopInfusion(Actor actor);

    CompletableFuture<ActionResult> event(ClinicalEventKind kind, String detail, Instant happened, Actor actor);

    CompletableFuture<ActionResult> note(String text, Instant happened, Actor actor);

    /** Scores entered together; null for one not given. */
    CompletableFuture<ActionResult> score(Integer aldrete, Integer sedation, Integer dissociation, Instant happened,
            Actor actor);

    /** Corrects event {@code seq} of the session (the original stays). */
    CompletableFuture<ActionResult> correct(long seq, Map<String, String> fields, String reason, Actor actor);

    /** Discharges and signs; the chair is then free for the next patient. */
    CompletableFuture<ActionResult> discharge(boolean escortConfirmed, Actor actor);

    /** A chair without clinical sessions (tests, the plain recorder): every command is refused. */
    ClinicalCommands UNAVAILABLE = (ClinicalCommands) java.lang.reflect.Proxy.newProxyInstance(
            ClinicalCommands.class.getClassLoader(), new Class<?>[] {ClinicalCommands.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "toString" -> "ClinicalCommands.UNAVAILABLE";
                case "hashCode" -> 0;
                case "equals" -> proxy == args[0];
                default -> CompletableFuture.completedFuture(
                        ActionResult.refused("this chair does not run clinical sessions"));
            });
}
