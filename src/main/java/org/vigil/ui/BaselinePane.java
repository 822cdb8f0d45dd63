package org.vigil.ui;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The baseline entered by hand (binds to a {@link BaselineEntryModel}): pick two of the session's
 * cuff readings, or type systolic and diastolic; under them the reason when refused.
 */
final class BaselinePane extends VBox {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    BaselinePane(BaselineEntryModel m, Runnable close) {
        getStyleClass().add("side-panel");
        setId("baselinePane");
        setMinWidth(0);
        setSpacing(8);

        Label title = new Label("Session baseline");
        title.getStyleClass().add("panel-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button closeButton = new Button("Close");
        closeButton.setId("closeBaselineButton");
        closeButton.setOnAction(e -> close.run());
        HBox head = new HBox(12, title, gap, closeButton);
        head.setAlignment(Pos.CENTER_LEFT);

        Label pickText = new Label("Pick 2 cuff readings (this session, newest first); the baseline is their average:");
        pickText.getStyleClass().add("panel-text");
        pickText.setWrapText(true);
        ListView<BaselineEntryModel.Row> list = new ListView<>(m.readings());
        list.setId("baselineReadings");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label("No cuff reading yet this session"));
        VBox.setVgrow(list, Priority.ALWAYS);
        Button useChosen = new Button("Use the 2 picked readings");
        useChosen.setId("useChosenReadingsButton");
        useChosen.setOnAction(e -> m.useChosen(list.getSelectionModel().getSelectedItems()));

        Label typeText = new Label("Or type the baseline (mmHg):");
        typeText.getStyleClass().add("panel-text");
        TextField sys = new TextField();
        sys.setId("baselineSys");
        sys.setPromptText("sys");
        sys.setPrefColumnCount(4);
        sys.textProperty().bindBidirectional(m.sysProperty());
        TextField dia = new TextField();
        dia.setId("baselineDia");
        dia.setPromptText("dia");
        dia.setPrefColumnCount(4);
        dia.textProperty().bindBidirectional(m.diaProperty());
        Button useTyped = new Button("Use typed values");
        useTyped.setId("useTypedBaselineButton");
        useTyped.setOnAction(e -> m.useTyped());
        dia.setOnAction(e -> m.useTyped());
        HBox typed = new HBox(8, typeText, sys, new Label("/"), dia, useTyped);
        typed.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("baselineMessage");
        message.getStyleClass().add("panel-message");
        message.setWrapText(true);
        message.textProperty().bind(m.messageProperty());
        m.errorProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(ERROR, b));

        getChildren().addAll(head, pickText, list, useChosen, typed, message);
    }
}
