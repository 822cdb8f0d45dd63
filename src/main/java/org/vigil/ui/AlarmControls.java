package org.vigil.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Acknowledge, Pause audio (with countdown) and Set baseline (with its result). */
final class AlarmControls extends VBox {

    AlarmControls(ChairViewModel vm) {
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
        Label result = new Label();
        result.setId("baselineResult");
        result.getStyleClass().add("baseline-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.baselineResultProperty());

        for (Button b : new Button[] {ack, pause, baseline}) {
            b.setMaxWidth(Double.MAX_VALUE);
            b.setFocusTraversable(false);
        }
        getChildren().addAll(ack, pause, baseline, result);
    }
}
