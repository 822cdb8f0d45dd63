package org.vigil.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Acknowledge, Pause audio (with countdown), Set baseline (from the last two cuff readings, with
 * its result) and, beside it, "By hand…" (opens the panel to pick two readings or type the values).
 */
final class AlarmControls extends VBox {

    AlarmControls(ChairViewModel vm, Runnable enterBaseline, javafx.beans.value.ObservableBooleanValue locked) {
        getStyleClass().add("alarm-controls");
        AlarmAreaModel m = vm.alarmArea();

        Button ack = new Button("Acknowledge");
        ack.setId("acknowledgeButton");
        ack.getStyleClass().add("ack-button");
        ack.disableProperty().bind(m.nothingToAcknowledgeProperty());
        ack.setOnAction(e -> vm.acknowledge());

        Button pause = new Button();
        pause.setId("pauseAudioButton");
        pause.getStyleClass().add("pause-button");
        pause.textProperty().bind(m.pauseTextProperty());
        m.audioPausedProperty().addListener((o, a, b) -> pause.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("paused"), b));
        pause.setOnAction(e -> vm.pauseAudio());

        Button baseline = new Button("Set baseline");
        baseline.setId("setBaselineButton");
        baseline.setOnAction(e -> vm.setBaseline());
        // at the lock screen only Acknowledge and Pause audio work
        baseline.disableProperty().bind(locked);
        Button enter = new Button("By hand\u2026");
        enter.setId("enterBaselineButton");
        enter.setTooltip(new Tooltip("Set the baseline from 2 cuff readings you pick, or from typed values"));
        enter.setOnAction(e -> enterBaseline.run());
        enter.disableProperty().bind(locked);
        // Both baseline buttons share one row: the controls keep their height on a small window.
        HBox baselineRow = new HBox(6, baseline, enter);
        HBox.setHgrow(baseline, Priority.ALWAYS);
        baseline.getStyleClass().add("baseline-button");
        enter.getStyleClass().add("baseline-button");
        baseline.setMinWidth(Region.USE_PREF_SIZE);
        enter.setMinWidth(Region.USE_PREF_SIZE);
        Label result = new Label();
        result.setId("baselineResult");
        result.getStyleClass().add("baseline-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.baselineResultProperty());
        Tooltip full = new Tooltip();
        full.textProperty().bind(vm.baselineResultDetailProperty());
        result.setTooltip(full);

        for (Button b : new Button[] {ack, pause, baseline, enter}) {
            b.setMaxWidth(Double.MAX_VALUE);
            b.setFocusTraversable(false);
        }
        getChildren().addAll(ack, pause, baselineRow, result);
    }
}
