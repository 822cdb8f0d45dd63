package org.vigil.ui.review;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.vigil.session.Phase;

/**
 * The session list: filters above, the sessions in a table (newest first), the count below. The
 * View only binds to {@link SessionListModel}; opening a row (double-click or Enter) is the
 * caller's. The rows have a fixed height (review.css), so the table lays out a screenful without
 * measuring a row, and the cells show texts the model made off the FX thread.
 */
final class SessionListView {

    private final BorderPane root = new BorderPane();
    private final TableView<ListedSession> table = new TableView<>();

    SessionListView(SessionListModel model, java.util.function.Consumer<ListedSession> open) {
        TextField patient = new TextField();
        patient.setId("reviewPatientFilter");
        patient.setPromptText("Patient name or MRN");
        patient.setPrefColumnCount(16);
        patient.textProperty().bindBidirectional(model.patientProperty());
        DatePicker from = new DatePicker();
        from.setId("reviewFrom");
        from.setPromptText("from");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("reviewTo");
        to.setPromptText("to");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toProperty());
        ComboBox<String> chair = new ComboBox<>();
        chair.setId("reviewChair");
        chair.setPromptText("any chair");
        chair.getItems().add("");
        model.chairs().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = chair.getValue();
            chair.getItems().setAll("");
            chair.getItems().addAll(model.chairs());
            chair.setValue(keep);
        });
        chair.valueProperty().bindBidirectional(model.chairProperty());
        CheckBox high = new CheckBox("had a high-priority alarm");
        high.setId("reviewHighAlarm");
        high.selectedProperty().bindBidirectional(model.highAlarmProperty());
        ComboBox<Phase> phase = new ComboBox<>(FXCollections.observableArrayList(Phase.values()));
        phase.getItems().add(0, null);
        phase.setId("reviewPhase");
        phase.setPromptText("any phase reached");
        phase.setConverter(new StringConverter<>() {
            @Override
            public String toString(Phase p) {
                return p == null ? "any phase reached" : "reached " + p.label().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public Phase fromString(String s) {
                return null;
            }
        });
        phase.valueProperty().bindBidirectional(model.phaseReachedProperty());
        CheckBox abnormal = new CheckBox("ended abnormally");
        abnormal.setId("reviewEndedAbnormally");
        abnormal.selectedProperty().bindBidirectional(model.endedAbnormallyProperty());
        FlowPane filters = new FlowPane(10, 6, patient, from, to, chair, phase, high, abnormal);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(6));

        table.setId("reviewSessions");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(model.answeredProperty())
                .then("No session matches").otherwise("Reading the sessions…"));
        table.setPlaceholder(placeholder);
        table.getStyleClass().add("session-list"); // a fixed row height (review.css): no row is measured to lay out
        table.getColumns().add(column("Date", 130, ListedSession::date));
        table.getColumns().add(column("Patient", 220, ListedSession::patient));
        table.getColumns().add(column("Chair", 70, ListedSession::chair));
        table.getColumns().add(column("Duration", 170, ListedSession::duration));
        table.getColumns().add(column("Dose", 140, ListedSession::dose));
        table.getColumns().add(column("Peak SBP", 80, ListedSession::peakSys));
        table.getColumns().add(column("Lowest SpO2", 95, ListedSession::minSpo2));
        table.getColumns().add(column("Alarms", 170, ListedSession::alarms));
        table.setItems(model.rows());
        table.setRowFactory(t -> {
            TableRow<ListedSession> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        Label status = new Label();
        status.setId("reviewListStatus");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(4, 6, 4, 6));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setTop(filters);
        root.setCenter(table);
        root.setBottom(status);
    }

    /** A column showing a text made when the row was read; the cell does no formatting. */
    private static TableColumn<ListedSession, String> column(String title, double width,
            Function<ListedSession, String> text) {
        TableColumn<ListedSession, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        return c;
    }

    BorderPane root() {
        return root;
    }

    TableView<ListedSession> table() {
        return table;
    }
}
