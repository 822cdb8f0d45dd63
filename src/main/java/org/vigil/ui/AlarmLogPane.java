package org.vigil.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The alarm log of a chair, newest first, updating live (binds to an {@link AlarmLogViewModel}):
 * time, event, alarm id, priority, parameter, value, limit, user and details.
 */
final class AlarmLogPane extends VBox {

    AlarmLogPane(AlarmLogViewModel vm, Runnable close) {
        getStyleClass().addAll("side-panel", "alarm-log-pane");
        setId("alarmLogPane");
        setMinWidth(0);
        Label title = new Label("Alarm log \u2014 " + vm.chairLabel());
        title.getStyleClass().add("panel-title");
        Label count = new Label();
        count.setId("alarmLogCount");
        count.getStyleClass().add("panel-admin-state");
        count.textProperty().bind(vm.countProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button closeButton = new Button("Close");
        closeButton.setId("closeAlarmLogButton");
        closeButton.setOnAction(e -> close.run());
        HBox head = new HBox(12, title, count, gap, closeButton);
        head.setAlignment(Pos.CENTER_LEFT);

        TableView<AlarmLogRow> table = new TableView<>(vm.rows());
        table.setId("alarmLogTable");
        table.getStyleClass().add("alarm-log-table");
        table.setPlaceholder(new Label("No alarm events in this session yet"));
        // Every column but the details keeps its width; the details take the rest.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AlarmLogRow row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null || row.detail().isEmpty() ? null : new Tooltip(row.detail()));
            }
        });
        // Narrow enough to sit beside the numerics, which never step aside; the alarm id names the
        // parameter, and a row's tooltip shows its whole detail.
        table.getColumns().add(column("Time", AlarmLogRow::time, 84));
        table.getColumns().add(column("Event", AlarmLogRow::event, 92));
        table.getColumns().add(column("Alarm", AlarmLogRow::alarmId, 140));
        TableColumn<AlarmLogRow, AlarmLogRow> prio = new TableColumn<>("Prio");
        prio.setPrefWidth(54);
        prio.setMinWidth(54);
        prio.setSortable(false);
        prio.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        prio.setCellFactory(c -> new PriorityCell());
        table.getColumns().add(prio);
        table.getColumns().add(column("Value", AlarmLogRow::value, 48));
        table.getColumns().add(column("Limit", AlarmLogRow::limit, 48));
        table.getColumns().add(column("User", AlarmLogRow::user, 70));
        table.getColumns().add(column("Details", AlarmLogRow::detail, 160));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(head, table);
    }

    private static TableColumn<AlarmLogRow, String> column(String name, Function<AlarmLogRow, String> value, double width) {
        TableColumn<AlarmLogRow, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 160));
        c.setSortable(false);
        c.setCellValueFactory(f -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    private static final class PriorityCell extends TableCell<AlarmLogRow, AlarmLogRow> {
        private final Label badge = new Label();

        PriorityCell() {
            badge.getStyleClass().add("alarm-badge");
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(AlarmLogRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || row.priority() == null) {
                setGraphic(null);
                return;
            }
            badge.setText(row.priorityText());
            AlarmStyles.priority(badge, row.priority());
            setGraphic(badge);
        }
    }
}
