package org.vigil.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;
import org.vigil.domain.SessionEventType;
import org.vigil.session.ClinicalEventKind;

/**
 * The session panel of a chair, shown in place of the trends: the check-in form when the chair is
 * free; in a session, the part the phase calls for (baseline and start, the running infusion,
 * discharge), one-tap events, scores, the event list with corrections, and the BP checkpoints.
 * Every command's result shows in its own section (binds to a {@link SessionPanelModel}).
 */
final class SessionPane extends VBox {

    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final SessionPanelModel m;
    private final TextField happened = field("happenedAt", "HH:mm (now)", 6);

    SessionPane(SessionPanelModel m, CheckInModel checkIn, Runnable close) {
        this(m, checkIn, close, java.util.Optional::empty);
    }

    /** With "Export…" for the session last signed at this chair ({@code lastSigned} empty: nothing to export yet). */
    SessionPane(SessionPanelModel m, CheckInModel checkIn, Runnable close,
            java.util.function.Supplier<java.util.Optional<org.vigil.ui.export.ExportDialogModel>> lastSigned) {
        this.m = m;
        getStyleClass().addAll("side-panel", "session-panel");
        setId("sessionPane");
        setMinWidth(0);

        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(Bindings.when(m.freeProperty()).then("Check in").otherwise(m.patientProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button closeButton = new Button("Close");
        closeButton.setId("closeSessionButton");
        closeButton.setOnAction(e -> close.run());
        Button exportButton = new Button("Export last session…");
        exportButton.setId("exportSignedButton");
        Label nothing = new Label();
        nothing.setId("exportSignedMessage");
        nothing.getStyleClass().add("panel-text");
        exportButton.setOnAction(e -> lastSigned.get().ifPresentOrElse(
                model -> org.vigil.ui.export.ExportDialog.show(getScene() == null ? null : getScene().getWindow(), model),
                () -> nothing.setText("No session signed at this chair since the station started")));
        shownWhen(exportButton, m.freeProperty());
        shownWhen(nothing, m.freeProperty());
        HBox head = new HBox(12, title, gap, exportButton, closeButton);
        head.setAlignment(Pos.CENTER_LEFT);

        VBox checkInBox = new CheckInForm(checkIn);
        shownWhen(checkInBox, m.freeProperty());

        VBox session = new VBox(10, summary(), baselineAndStart(), infusion(), discharge(), events(), scores(), eventList(),
                text(m.checkpointsProperty(), "sessionCheckpoints"));
        shownWhen(session, m.freeProperty().not());

        VBox content = new VBox(10, nothing, checkInBox, session);
        content.getStyleClass().add("session-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("panel-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(head, scroll);
    }

    private Node summary() {
        Label allergies = text(m.allergiesProperty(), "sessionAllergies");
        allergies.getStyleClass().add("session-allergies");
        return new VBox(4, allergies, text(m.orderProperty(), "sessionOrder"), text(m.baselineProperty(), "sessionBaseline"));
    }

    private Node baselineAndStart() {
        Button capture = button("captureBaselineButton", "Capture baseline (last 2 cuffs)", () -> m.captureBaseline());
        TextField sys = field("typedSys", "sys", 4);
        TextField dia = field("typedDia", "dia", 4);
        TextField hr = field("typedHr", "HR", 4);
        TextField spo2 = field("typedSpo2", "SpO2", 4);
        TextField rr = field("typedRr", "RR", 4);
        Button typed = button("typeBaselineButton", "Use typed baseline",
                () -> m.typeBaseline(sys.getText(), sys.getText().isBlank() ? "" : dia.getText(), hr.getText(),
                        spo2.getText(), rr.getText()));
        FlowPane typedRow = flow(new Label("or type it:"), sys, new Label("/"), dia, hr, spo2, rr, typed);

        Button start = button("startInfusionButton", "Start infusion", () -> m.startInfusion());
        start.getStyleClass().add("primary-button");
        start.disableProperty().bind(m.canStartProperty().not());
        Label blockers = text(m.startBlockersProperty(), "startBlockers");
        blockers.getStyleClass().add("session-blocker");

        // who confirms is who is logged in (a prescriber); no typed name is trusted
        TextField prescriber = field("confirmPrescriber", "prescriber's name", 14);
        prescriber.setVisible(false);
        prescriber.setManaged(false);
        TextField note = field("confirmNote", "note (e.g. BP rechecked, proceed)", 24);
        Button confirm = button("confirmStartButton", "Record prescriber's confirmation",
                () -> m.confirmStart(prescriber.getText(), note.getText()).thenAccept(r -> {
                    if (r.done()) {
                        prescriber.clear();
                        note.clear();
                    }
                }));
        Label gateText = new Label("Prescriber confirms the start despite the high baseline:");
        gateText.getStyleClass().add("panel-text");
        VBox gate = new VBox(4, gateText, flow(note, confirm));
        gate.setId("startGateBox");
        gate.getStyleClass().add("gate-box");
        shownWhen(gate, m.gateClosedProperty());

        VBox box = section("Baseline and start", capture, typedRow, message(SessionPanelModel.Section.BASELINE),
                flow(start, blockers), gate, message(SessionPanelModel.Section.START));
        box.setId("baselineBox");
        shownWhen(box, m.inBaselineProperty());
        return box;
    }

    private Node infusion() {
        Button pause = button("pauseInfusionButton", "Pause", () -> m.pause());
        pause.disableProperty().bind(m.pausedProperty());
        Button resume = button("resumeInfusionButton", "Resume", () -> m.resume());
        resume.disableProperty().bind(m.pausedProperty().not());
        TextField rate = field("newRate", "mL/h", 5);
        Button change = button("changeRateButton", "Change rate", () -> m.changeRate(rate.getText()));
        Button stop = button("stopInfusionButton", "Stop infusion", () -> m.stop());
        stop.getStyleClass().add("primary-button");
        Label running = new Label();
        running.getStyleClass().add("panel-text");
        running.textProperty().bind(Bindings.concat("Running at ", m.rateProperty()));
        VBox box = section("Infusion", running, flow(pause, resume, rate, change, stop),
                message(SessionPanelModel.Section.INFUSION));
        box.setId("infusionBox");
        shownWhen(box, m.infusingProperty());
        return box;
    }

    private Node discharge() {
        Label readiness = text(m.readinessProperty(), "readiness");
        readiness.getStyleClass().add("session-blocker");
        m.readyProperty().addListener((o, a, b) -> readiness.pseudoClassStateChanged(PseudoClass.getPseudoClass("ready"), b));
        ToggleSwitch escort = new ToggleSwitch();
        escort.setId("escortSwitch");
        Label escortText = new Label("Escort present to take the patient home");
        escortText.getStyleClass().add("panel-text");
        escortText.setOnMouseClicked(e -> escort.setSelected(!escort.isSelected()));
        HBox escortRow = new HBox(10, escort, escortText);
        escortRow.setAlignment(Pos.CENTER_LEFT);
        TextField signer = field("signerName", "signed by (your name)", 14);
        // who signs is who is logged in
        signer.setVisible(false);
        signer.setManaged(false);
        Button sign = button("dischargeButton", "Sign and discharge",
                () -> m.discharge(escort.isSelected(), signer.getText()).thenAccept(r -> {
                    if (r.done()) {
                        escort.setSelected(false);
                        signer.clear();
                    }
                }));
        sign.getStyleClass().add("primary-button");
        VBox box = section("Discharge", readiness, text(m.monitoringProperty(), "monitoringTime"), escortRow,
                flow(sign), message(SessionPanelModel.Section.DISCHARGE));
        box.setId("dischargeBox");
        shownWhen(box, m.afterInfusionProperty());
        return box;
    }

    private Node events() {
        TextField detail = field("eventDetail", "drug and dose / what happened", 22);
        FlowPane buttons = new FlowPane(6, 6);
        for (ClinicalEventKind k : ClinicalEventKind.values()) {
            String label = switch (k) {
                case ANTIEMETIC -> "Antiemetic\u2026";
                case OTHER -> "Other\u2026";
                default -> k.label();
            };
            Button b = button("event-" + k.key(), label, () -> m.event(k, detail.getText(), happened.getText()).thenAccept(r -> {
                if (r.done()) {
                    detail.clear();
                    happened.clear();
                }
            }));
            b.getStyleClass().add("event-button");
            buttons.getChildren().add(b);
        }
        TextField note = field("noteText", "nurse's note", 28);
        Button addNote = button("addNoteButton", "Add note", () -> m.note(note.getText(), happened.getText()).thenAccept(r -> {
            if (r.done()) {
                note.clear();
            }
        }));
        Label hint = new Label("Happened at (late entry):");
        hint.getStyleClass().add("panel-text");
        return section("Events", buttons, flow(new Label("Detail:"), detail, hint, happened), flow(note, addNote),
                message(SessionPanelModel.Section.EVENTS));
    }

    private Node scores() {
        TextField aldrete = field("scoreAldrete", "0-10", 4);
        TextField sedation = field("scoreSedation", "0-5", 4);
        TextField dissociation = field("scoreDissociation", "0-4", 4);
        Button record = button("recordScoresButton", "Record scores",
                () -> m.score(aldrete.getText(), sedation.getText(), dissociation.getText(), happened.getText()).thenAccept(r -> {
                    if (r.done()) {
                        aldrete.clear();
                        sedation.clear();
                        dissociation.clear();
                    }
                }));
        Label latest = new Label();
        latest.getStyleClass().add("panel-text");
        latest.textProperty().bind(Bindings.concat("Latest: ", m.scoresProperty(), "   ", m.nextScoreProperty()));
        return section("Scores", latest, flow(new Label("Aldrete"), aldrete, new Label("Sedation (MOAA/S)"), sedation,
                new Label("Dissociation"), dissociation, record), message(SessionPanelModel.Section.SCORES));
    }

    private Node eventList() {
        ListView<SessionPanelModel.EventRow> list = new ListView<>(m.events());
        list.setId("sessionEvents");
        list.getStyleClass().add("session-events");
        list.setPrefHeight(260);
        list.setMinHeight(160);
        list.setPlaceholder(new Label("No event yet"));
        list.setCellFactory(v -> new EventCell());

        VBox correction = new VBox(6);
        correction.setId("correctionBox");
        correction.getStyleClass().add("gate-box");
        correction.setVisible(false);
        correction.setManaged(false);
        Button correct = new Button("Correct\u2026");
        correct.setId("correctButton");
        correct.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            var row = list.getSelectionModel().getSelectedItem();
            return row == null || !row.correctable();
        }, list.getSelectionModel().selectedItemProperty()));
        correct.setOnAction(e -> openCorrection(correction, list.getSelectionModel().getSelectedItem()));
        return section("Session events", list, correct, correction, message(SessionPanelModel.Section.CORRECTION));
    }

    private void openCorrection(VBox box, SessionPanelModel.EventRow row) {
        if (row == null) {
            return;
        }
        Map<String, TextField> fields = new LinkedHashMap<>();
        if (row.type() == SessionEventType.SCORE) {
            fields.put("aldrete", field("correct-aldrete", "Aldrete 0-10", 5));
            fields.put("sedation", field("correct-sedation", "MOAA/S 0-5", 5));
            fields.put("dissociation", field("correct-dissociation", "dissociation 0-4", 5));
            fields.forEach((k, f) -> f.setText(row.detail().getOrDefault(k, "")));
        } else if (row.type() == SessionEventType.NOTE) {
            fields.put("text", field("correct-text", "corrected note", 28));
            fields.get("text").setText(row.detail().getOrDefault("text", ""));
        } else {
            fields.put("detail", field("correct-detail", "corrected detail", 28));
            fields.get("detail").setText(row.detail().getOrDefault("detail", ""));
        }
        TextField reason = field("correctReason", "reason for the correction", 24);
        Button save = button("saveCorrectionButton", "Record correction", () -> {
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach((k, f) -> {
                String was = row.detail().get(k);
                if (!f.getText().isBlank() && !f.getText().trim().equals(was)) {
                    values.put(k, f.getText());
                }
            });
            m.correct(row, values, reason.getText()).thenAccept(r -> {
                if (r.done()) {
                    box.setVisible(false);
                    box.setManaged(false);
                }
            });
        });
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> {
            box.setVisible(false);
            box.setManaged(false);
        });
        Label what = new Label("Correct: " + row.time() + "  " + row.text() + "  (the original stays in the record)");
        what.getStyleClass().add("panel-text");
        what.setWrapText(true);
        FlowPane inputs = flow();
        inputs.getChildren().addAll(fields.values());
        inputs.getChildren().addAll(reason, save, cancel);
        box.getChildren().setAll(what, inputs);
        box.setVisible(true);
        box.setManaged(true);
    }

    /** One event: time, what, who; "written HH:mm" when entered late; its corrections beneath. */
    private static final class EventCell extends ListCell<SessionPanelModel.EventRow> {
        @Override
        protected void updateItem(SessionPanelModel.EventRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label time = new Label(row.time());
            time.getStyleClass().add("event-time");
            Label text = new Label(row.text());
            text.getStyleClass().add("event-text");
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            Label who = new Label(row.who() + (row.written().isEmpty() ? "" : "  \u00B7  " + row.written()));
            who.getStyleClass().add("event-who");
            who.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(10, time, text, who);
            VBox cell = new VBox(2, line);
            for (String c : row.corrections()) {
                Label corr = new Label("\u21B3 " + c);
                corr.getStyleClass().add("event-correction");
                corr.setWrapText(true);
                cell.getChildren().add(corr);
            }
            cell.setMinWidth(0);
            cell.setPrefWidth(0);
            setText(null);
            setGraphic(cell);
        }
    }

    // ---- small builders ----

    static VBox section(String title, Node... children) {
        Label t = new Label(title);
        t.getStyleClass().add("session-section-title");
        VBox box = new VBox(6, t);
        box.getChildren().addAll(children);
        box.getStyleClass().add("session-section");
        return box;
    }

    static FlowPane flow(Node... nodes) {
        FlowPane f = new FlowPane(8, 6, nodes);
        f.setAlignment(Pos.CENTER_LEFT);
        return f;
    }

    static TextField field(String id, String prompt, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
    }

    static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    static Label text(StringProperty p, String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("panel-text");
        l.setWrapText(true);
        l.textProperty().bind(p);
        l.visibleProperty().bind(p.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private Label message(SessionPanelModel.Section s) {
        return message(m.message(s), m.error(s), "message-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    static Label message(StringProperty text, BooleanProperty error, String id) {
        Label l = text(text, id);
        l.getStyleClass().setAll("label", "panel-message");
        l.pseudoClassStateChanged(ERROR, error.get());
        error.addListener((o, a, b) -> l.pseudoClassStateChanged(ERROR, b));
        return l;
    }

    static void shownWhen(Node n, ObservableBooleanValue shown) {
        n.visibleProperty().bind(shown);
        n.managedProperty().bind(shown);
    }
}
