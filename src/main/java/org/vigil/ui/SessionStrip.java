package org.vigil.ui;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The session line under a chair's header: who is in the chair (name, MRN, allergies), the phase
 * and its running timer, the time since the infusion started, and when the next cuff reading and
 * score are due (in the reminder colour once overdue); a free chair says so. The button opens the
 * session panel (check-in, or the session's actions).
 */
final class SessionStrip extends HBox {

    static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    static final PseudoClass FREE = PseudoClass.getPseudoClass("free");

    SessionStrip(SessionPanelModel m, Runnable openPanel) {
        super(18);
        setId("sessionStrip");
        getStyleClass().add("session-strip");
        setAlignment(Pos.CENTER_LEFT);

        Label free = SessionPane.text(m.freeTextProperty(), "stripFree");
        free.getStyleClass().setAll("label", "strip-free");
        SessionPane.shownWhen(free, m.freeProperty());

        Label patient = label(m, "stripPatient", "strip-patient");
        patient.textProperty().bind(m.patientProperty());
        Label allergies = label(m, "stripAllergies", "strip-allergies");
        allergies.textProperty().bind(m.allergiesProperty());
        Label phase = label(m, "stripPhase", "strip-phase");
        phase.textProperty().bind(m.phaseProperty().concat("  ").concat(m.phaseTimerProperty()));
        Label since = label(m, "stripSinceStart", "strip-since");
        since.textProperty().bind(m.sinceStartProperty());
        Label cuff = label(m, "stripNextCuff", "strip-due");
        cuff.textProperty().bind(m.nextCuffProperty());
        m.cuffOverdueProperty().addListener((o, a, b) -> cuff.pseudoClassStateChanged(OVERDUE, b));
        Label score = label(m, "stripNextScore", "strip-due");
        score.textProperty().bind(m.nextScoreProperty());
        m.scoreOverdueProperty().addListener((o, a, b) -> score.pseudoClassStateChanged(OVERDUE, b));
        for (Label l : new Label[] {since, cuff, score}) {
            l.visibleProperty().bind(m.freeProperty().not().and(l.textProperty().isNotEmpty()));
            l.managedProperty().bind(l.visibleProperty());
        }
        allergies.setMinWidth(0);
        HBox.setHgrow(allergies, Priority.SOMETIMES);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button open = new Button();
        open.setId("sessionButton");
        open.getStyleClass().add("strip-button");
        open.textProperty().bind(javafx.beans.binding.Bindings.when(m.freeProperty()).then("Check in\u2026").otherwise("Session\u2026"));
        open.setOnAction(e -> openPanel.run());
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setFocusTraversable(false);
        m.freeProperty().addListener((o, a, b) -> pseudoClassStateChanged(FREE, b));
        pseudoClassStateChanged(FREE, m.freeProperty().get());
        getChildren().addAll(free, patient, allergies, phase, since, cuff, score, gap, open);
    }

    private static Label label(SessionPanelModel m, String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.visibleProperty().bind(m.freeProperty().not());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
