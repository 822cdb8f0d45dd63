package org.vigil.chair;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.vigil.session.ActionResult;
import org.vigil.session.ClinicalEventKind;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;

/**
 * The commands a screen sends for the clinical session in a chair. Each runs on the chair's core
 * thread and completes with what became of it (done, or refused with every reason); the screen
 * never waits for it on the FX thread. {@code user} is who acts; {@code happened} is when an
 * event happened when it is entered late (null: now).
 */
public interface ClinicalCommands {

    /** Checks a patient in with an order; refused while another session runs in the chair. */
    CompletableFuture<ActionResult> checkIn(Patient patient, InfusionOrder order, boolean confirmAboveUsual, String user);

    /** The baseline from the chair's last two cuff readings with the latest HR, SpO2 and RR. */
    CompletableFuture<ActionResult> captureBaseline(String user);

    /** A typed baseline (text fields as entered; HR, SpO2, RR may be blank). */
    CompletableFuture<ActionResult> typeBaseline(String sys, String dia, String hr, String spo2, String rr, String user);

    CompletableFuture<ActionResult> startInfusion(String user);

    CompletableFuture<ActionResult> confirmStart(String prescriber, String note);

    CompletableFuture<ActionResult> pauseInfusion(String user);

    CompletableFuture<ActionResult> resumeInfusion(String user);

    CompletableFuture<ActionResult> changeRate(double rateMlPerH, String user);

    CompletableFuture<ActionResult> stopInfusion(String user);

    CompletableFuture<ActionResult> event(ClinicalEventKind kind, String detail, Instant happened, String user);

    CompletableFuture<ActionResult> note(String text, Instant happened, String user);

    /** Scores entered together; null for one not given. */
    CompletableFuture<ActionResult> score(Integer aldrete, Integer sedation, Integer dissociation, Instant happened,
            String user);

    /** Corrects event {@code seq} of the session (the original stays). */
    CompletableFuture<ActionResult> correct(long seq, Map<String, String> fields, String reason, String user);

    /** Discharges and signs; the chair is then free for the next patient. */
    CompletableFuture<ActionResult> discharge(boolean escortConfirmed, String user);

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
