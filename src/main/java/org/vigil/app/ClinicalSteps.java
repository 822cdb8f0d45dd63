package org.vigil.app;

import java.time.Instant;
import java.util.function.Consumer;
import org.vigil.chair.ClinicalCommands;
import org.vigil.domain.Durations;
import org.vigil.session.ActionResult;
import org.vigil.session.ClinicalEventKind;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.sim.scenario.ClinicalSpec;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioEvent;

/**
 * A scenario's session actions as the chair's {@link ClinicalCommands}, the calls the station's
 * screens make. The runner's chair executes on the calling thread, so each command has completed
 * when its call returns. Refusals are reported as notes, never thrown.
 */
final class ClinicalSteps {

    private final ClinicalCommands commands;
    private final Scenario scenario;
    private final Instant t0;
    private final Consumer<String> notes;
    private String prescriber = ClinicalSpec.DEFAULT_PRESCRIBER;

    ClinicalSteps(ClinicalCommands commands, Scenario scenario, Instant t0, Consumer<String> notes) {
        this.commands = commands;
        this.scenario = scenario;
        this.t0 = t0;
        this.notes = notes;
    }

    /** Checks the scenario's synthetic patient in with the order (a dose above the usual range is confirmed). */
    void checkIn(ClinicalSpec c) {
        prescriber = c.prescriber();
        Patient patient = new Patient(0, ScenarioRunner.PATIENT_MRN, "Scenario patient", null, c.weightKg(), "");
        InfusionOrder order = new InfusionOrder(c.weightKg(), c.doseMgPerKg(), c.concentrationMgPerMl(), c.durationMin(),
                c.prescriber());
        report(c.line(), "0s", "check-in", commands.checkIn(patient, order, true, HeadlessActors.NURSE).join());
    }

    void run(ScenarioEvent.Clinical step) {
        org.vigil.domain.Actor nurse = HeadlessActors.NURSE;
        ActionResult r = switch (step.action()) {
            case ScenarioEvent.Clinical.CAPTURE_BASELINE -> commands.captureBaseline(nurse).join();
            case ScenarioEvent.Clinical.START_INFUSION -> commands.startInfusion(nurse).join();
            case ScenarioEvent.Clinical.PAUSE_INFUSION -> commands.pauseInfusion(nurse).join();
            case ScenarioEvent.Clinical.RESUME_INFUSION -> commands.resumeInfusion(nurse).join();
            case ScenarioEvent.Clinical.STOP_INFUSION -> commands.stopInfusion(nurse).join();
            case ScenarioEvent.Clinical.CONFIRM_START -> commands.confirmStart(HeadlessActors.prescriber(prescriber), step.note()).join();
            case ScenarioEvent.Clinical.DISCHARGE -> commands.discharge(step.escort(), nurse).join();
            case ScenarioEvent.Clinical.EVENT -> event(step);
            case ScenarioEvent.Clinical.SCORE -> commands.score(step.scores().get("aldrete"), step.scores().get("sedation"),
                    step.scores().get("dissociation"), happened(step), nurse).join();
            default -> throw new IllegalArgumentException("unknown session action " + step.action());
        };
        report(step.line(), Durations.format(step.at()), step.action(), r);
    }

    private ActionResult event(ScenarioEvent.Clinical step) {
        ClinicalEventKind kind;
        try {
            kind = ClinicalEventKind.fromKey(step.kind());
        } catch (IllegalArgumentException e) {
            return ActionResult.refused(e.getMessage());
        }
        return commands.event(kind, step.detail(), happened(step), HeadlessActors.NURSE).join();
    }

    private Instant happened(ScenarioEvent.Clinical step) {
        return step.happened() == null ? null : t0.plus(step.happened());
    }

    private void report(int line, String at, String what, ActionResult r) {
        if (!r.done()) {
            notes.accept(scenario.source() + ":" + line + ": at " + at + ": " + what + " refused: " + r.reasonText());
        }
    }
}
