package org.vigil.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Every alarm on screen: priority badge, message (with the current value), state marks and the
 * alarm's age ("raised 03:12 ago"; hovering shows the clock time it was raised).
 */
final class AlarmList extends ListView<AlarmRow> {

    AlarmList(AlarmAreaModel m) {
        super(m.rows());
        getStyleClass().add("alarm-list");
        setId("alarmList");
        setFocusTraversable(false);
        setPlaceholder(new Label("No alarms"));
        setCellFactory(v -> new Cell());
    }

    private static final class Cell extends ListCell<AlarmRow> {
        private final Label badge = new Label();
        private final Label message = new Label();
        private final Label since = new Label();
        private final Label marks = new Label();
        private final HBox box = new HBox(12, badge, message, marks, since);

        Cell() {
            badge.getStyleClass().add("alarm-badge");
            message.getStyleClass().add("alarm-row-message");
            since.getStyleClass().add("alarm-row-since");
            marks.getStyleClass().add("alarm-row-marks");
            HBox.setHgrow(message, Priority.ALWAYS);
            message.setMaxWidth(Double.MAX_VALUE);
            box.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("alarm-row");
        }

        @Override
        protected void updateItem(AlarmRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                AlarmStyles.priority(badge, null);
                return;
            }
            badge.setText(row.priorityText());
            AlarmStyles.priority(badge, row.priority());
            message.setText(row.message());
            since.setText(row.activeFor());
            marks.setText(row.marks());
            if (row.raisedClock().isEmpty()) {
                setTooltip(null);
            } else if (getTooltip() == null) {
                setTooltip(new Tooltip(row.raisedClock()));
            } else {
                getTooltip().setText(row.raisedClock());
            }
            setGraphic(box);
        }
    }
}
