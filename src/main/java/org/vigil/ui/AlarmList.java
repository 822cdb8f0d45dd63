package org.vigil.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
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
            // a long message shortens (with "...", the full text on hover) and never pushes the
            // priority or the alarm's age out of view
            message.setMinWidth(0);
            message.setPrefWidth(1);
            for (Label fixed : new Label[] {badge, marks, since}) {
                fixed.setMinWidth(Region.USE_PREF_SIZE);
            }
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
            String hover = row.raisedClock().isEmpty() ? row.message() : row.message() + "\n" + row.raisedClock();
            if (getTooltip() == null) {
                setTooltip(new Tooltip(hover));
            } else {
                getTooltip().setText(hover);
            }
            setGraphic(box);
        }
    }
}
