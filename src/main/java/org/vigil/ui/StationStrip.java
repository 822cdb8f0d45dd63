package org.vigil.ui;

import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The station strip above the chairs: station-wide technical alarms, once for the station, with
 * one acknowledge. Visible on every chair's screen; takes no space while there is no station alarm.
 */
final class StationStrip {

    private final StationStripModel model;
    private final HBox root;

    StationStrip(StationStripModel model) {
        this.model = model;
        Label text = new Label();
        text.setId("stationStripText");
        text.getStyleClass().add("station-strip-text");
        text.textProperty().bind(model.textProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        text.setWrapText(true);
        text.setMinHeight(Label.USE_PREF_SIZE);
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        Button ack = new Button("Acknowledge station");
        ack.setMinWidth(Button.USE_PREF_SIZE);
        ack.setId("stationAcknowledgeButton");
        ack.getStyleClass().add("station-strip-ack");
        ack.setFocusTraversable(false);
        ack.disableProperty().bind(model.nothingToAcknowledgeProperty());
        ack.setOnAction(e -> model.acknowledge());
        root = new HBox(12, text, ack);
        root.setId("stationStrip");
        root.getStyleClass().add("station-strip");
        root.setAlignment(Pos.CENTER_LEFT);
        root.visibleProperty().bind(model.shownProperty());
        root.managedProperty().bind(model.shownProperty());
        AlarmStyles.bind(root, model.priorityProperty(), model.flashOnProperty());
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.onFrame(now);
            }
        };
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
        model.onFrame(System.nanoTime());
    }

    HBox root() {
        return root;
    }

    StationStripModel model() {
        return model;
    }
}
