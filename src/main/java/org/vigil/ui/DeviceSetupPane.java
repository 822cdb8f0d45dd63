package org.vigil.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vigil.chair.DeviceSetup;

/** The device setup screen (admin mode): serial ports, detect, protocol, chair, device id, save. */
final class DeviceSetupPane extends VBox {

    DeviceSetupPane(DeviceSetupModel model, Runnable close) {
        getStyleClass().addAll("side-panel", "device-setup");
        setId("deviceSetupPane");
        setSpacing(12);
        Label title = new Label("Device setup");
        title.getStyleClass().add("panel-title");
        Label about = new Label("Serial ports the computer reports. Detect listens on the chosen port with each"
                + " protocol's settings in turn and keeps the one that decodes. Save adds the device to the chair in"
                + " station.yaml; it is used from the next start of the station.");
        about.setWrapText(true);
        about.getStyleClass().add("panel-text");
        about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        ListView<DeviceSetup.Port> ports = new ListView<>(model.ports());
        ports.setId("setupPorts");
        ports.setPrefHeight(140);
        ports.setMinHeight(90);
        VBox.setVgrow(ports, javafx.scene.layout.Priority.ALWAYS);
        ports.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DeviceSetup.Port p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.path() + (p.description().isBlank() ? "" : "  \u2014  " + p.description()));
            }
        });
        ports.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.portProperty().set(b == null ? "" : b.path()));

        ChoiceBox<String> protocol = new ChoiceBox<>(model.protocols());
        protocol.setId("setupProtocol");
        protocol.valueProperty().bindBidirectional(model.protocolProperty());
        ChoiceBox<String> chair = new ChoiceBox<>(model.chairs());
        chair.setId("setupChair");
        chair.valueProperty().bindBidirectional(model.chairProperty());
        TextField id = new TextField();
        id.setId("setupDeviceId");
        id.setPromptText("e.g. ox2");
        id.textProperty().bindBidirectional(model.deviceIdProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Protocol"), protocol);
        form.addRow(1, new Label("Chair"), chair);
        form.addRow(2, new Label("Device id"), id);

        Button refresh = new Button("Refresh");
        refresh.setId("setupRefresh");
        refresh.setOnAction(e -> model.refresh());
        Button detect = new Button("Detect");
        detect.setId("setupDetect");
        detect.disableProperty().bind(model.busyProperty().or(model.portProperty().isEmpty()));
        detect.setOnAction(e -> model.detect());
        Button save = new Button("Save to station.yaml");
        save.setId("setupSave");
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.save());
        Button done = new Button("Close");
        done.setCancelButton(true);
        done.setOnAction(e -> close.run());
        HBox buttons = new HBox(10, refresh, detect, save, done);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("setupMessage");
        message.setWrapText(true);
        message.getStyleClass().add("panel-message");
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(title, about, ports, form, buttons, message);
        model.refresh();
    }
}
