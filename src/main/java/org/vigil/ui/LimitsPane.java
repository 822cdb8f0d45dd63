package org.vigil.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The limits editor of a chair (binds to a {@link LimitsViewModel}): the rules grouped by vital
 * (name and unit as the group's title), one line per rule with alarm id, priority, the threshold
 * being edited (condition, −, field, +, Set), the clinic bounds, delay, latching and the alarm's
 * on/off switch; under a line, the answer to the last change (a
 * refusal in red). The on/off switches and "Save as clinic defaults" are enabled in admin mode only.
 */
final class LimitsPane extends VBox {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass DIRTY = PseudoClass.getPseudoClass("dirty");
    private static final PseudoClass OFF = PseudoClass.getPseudoClass("off");
    private static final PseudoClass UNMEASURED = PseudoClass.getPseudoClass("unmeasured");

    private final LimitsViewModel vm;
    private final GridPane grid = new GridPane();

    LimitsPane(LimitsViewModel vm, Runnable close) {
        this.vm = vm;
        getStyleClass().addAll("side-panel", "limits-pane");
        setId("limitsPane");
        setMinWidth(0);

        Label title = new Label("Alarm limits \u2014 " + vm.chairLabel());
        title.getStyleClass().add("panel-title");
        Label admin = new Label();
        admin.getStyleClass().add("panel-admin-state");
        admin.textProperty().bind(Bindings.when(vm.adminActiveProperty())
                .then("Admin mode: alarm off/on and clinic defaults enabled (press Admin again to leave)")
                .otherwise(vm.admin().configured() ? "Alarm off/on and clinic defaults need admin mode (Admin button)"
                        : "Admin actions disabled: no admin PIN configured"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button closeButton = new Button("Close");
        closeButton.setId("closeLimitsButton");
        closeButton.setOnAction(e -> close.run());
        HBox head = new HBox(12, title, gap, closeButton);
        head.setAlignment(Pos.CENTER_LEFT);

        grid.getStyleClass().add("limits-grid");
        grid.setHgap(7);
        grid.setVgap(2);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(false);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("panel-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button save = new Button("Save as clinic defaults");
        save.setId("saveClinicDefaultsButton");
        save.disableProperty().bind(vm.adminActiveProperty().not());
        save.setTooltip(new Tooltip("Admin: these limits become the defaults of every chair, now and at every start"));
        save.setOnAction(e -> vm.saveClinicDefaults());
        Label message = new Label();
        message.setId("limitsMessage");
        message.getStyleClass().add("panel-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.messageErrorProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(ERROR, b));
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.managedProperty().bind(vm.messageProperty().isNotEmpty());
        save.setMinWidth(Region.USE_PREF_SIZE);
        VBox foot = new VBox(6, save, message);

        getChildren().addAll(head, admin, scroll, foot);
        vm.rows().addListener((ListChangeListener<LimitRowModel>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        grid.getChildren().clear();
        grid.getColumnConstraints().setAll(col(HPos.LEFT), col(HPos.CENTER), col(HPos.LEFT), col(HPos.LEFT),
                col(HPos.LEFT), col(HPos.CENTER), col(HPos.CENTER));
        String[] heads = {"Alarm", "Prio", "Threshold", "Allowed", "Delay", "Latch", "Alarm on"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("limits-head");
            grid.add(h, c, 0);
        }
        // One group per vital, in the order the rules first name it; the unit is in the group's title.
        Map<String, List<LimitRowModel>> groups = new LinkedHashMap<>();
        for (LimitRowModel row : vm.rows()) {
            groups.computeIfAbsent(row.description().parameter(), k -> new ArrayList<>()).add(row);
        }
        int line = 1;
        for (List<LimitRowModel> group : groups.values()) {
            LimitRowModel.Description first = group.get(0).description();
            Label name = new Label(first.parameter());
            name.getStyleClass().add("limits-group");
            Label unit = new Label(first.unit() + (first.measured() ? "" : "  ·  not measured on this chair"));
            unit.getStyleClass().add("limits-group-unit");
            HBox title = new HBox(8, name, unit);
            title.setAlignment(Pos.BASELINE_LEFT);
            title.getStyleClass().add("limits-group-title");
            if (!first.measured()) {
                title.pseudoClassStateChanged(UNMEASURED, true);
            }
            grid.add(title, 0, line++, 7, 1);
            for (LimitRowModel row : group) {
                addRow(row, line);
                line += 2;
            }
        }
    }

    private static ColumnConstraints col(HPos align) {
        ColumnConstraints c = new ColumnConstraints();
        c.setHalignment(align);
        return c;
    }

    private void addRow(LimitRowModel row, int line) {
        LimitRowModel.Description d = row.description();
        Label id = new Label(d.id());
        id.getStyleClass().add("limits-id");
        Label prio = new Label(AlarmAreaModel.priorityText(d.priority()));
        prio.getStyleClass().add("alarm-badge");
        AlarmStyles.priority(prio, d.priority());

        Label cond = new Label(d.condition());
        cond.getStyleClass().add("limits-cond");
        Button minus = new Button("\u2212");
        minus.setId("minus-" + row.nodeId());
        minus.getStyleClass().add("step-button");
        minus.setOnAction(e -> vm.step(row, -1));
        TextField field = new TextField();
        field.setId("threshold-" + row.nodeId());
        field.getStyleClass().add("threshold-field");
        field.setPrefColumnCount(4);
        field.textProperty().bindBidirectional(row.editedProperty());
        field.setOnAction(e -> vm.apply(row));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.revert(row);
            }
        });
        Button plus = new Button("+");
        plus.setId("plus-" + row.nodeId());
        plus.getStyleClass().add("step-button");
        plus.setOnAction(e -> vm.step(row, +1));
        Button set = new Button("Set");
        set.setId("set-" + row.nodeId());
        set.getStyleClass().add("set-button");
        set.setOnAction(e -> vm.apply(row));
        row.dirtyBinding().addListener((o, a, b) -> field.pseudoClassStateChanged(DIRTY, b));
        field.pseudoClassStateChanged(DIRTY, row.dirtyBinding().get());
        if (d.range() == null) {
            // No clinic bounds: this threshold can only be changed in the station configuration.
            for (var n : new javafx.scene.Node[] {minus, field, plus, set}) {
                n.setDisable(true);
            }
        } else {
            set.disableProperty().bind(row.dirtyBinding().not());
        }
        HBox editor = new HBox(4, cond, minus, field, plus, set);
        editor.setAlignment(Pos.CENTER_LEFT);

        Label allowed = new Label(row.allowedText());
        allowed.getStyleClass().add("limits-allowed");
        Label delay = new Label(d.delay());
        delay.getStyleClass().add("limits-cell");
        Label latch = new Label(d.latching() ? "yes" : "no");
        latch.getStyleClass().add("limits-cell");

        ToggleButton onOff = new ToggleButton();
        onOff.setId("enabled-" + row.nodeId());
        onOff.getStyleClass().add("on-off");
        onOff.setSelected(row.enabledProperty().get());
        onOff.textProperty().bind(Bindings.when(row.enabledProperty()).then("ON").otherwise("OFF"));
        onOff.disableProperty().bind(vm.adminActiveProperty().not());
        onOff.setOnAction(e -> {
            vm.setEnabled(row, onOff.isSelected());
            onOff.setSelected(row.enabledProperty().get());
        });
        row.enabledProperty().addListener((o, a, b) -> {
            onOff.setSelected(b);
            onOff.pseudoClassStateChanged(OFF, !b);
        });
        onOff.pseudoClassStateChanged(OFF, !row.enabledProperty().get());

        Label message = new Label();
        message.setId("message-" + row.nodeId());
        message.getStyleClass().add("limits-message");
        message.setWrapText(true);
        message.textProperty().bind(row.messageProperty());
        message.managedProperty().bind(row.messageProperty().isNotEmpty());
        message.visibleProperty().bind(row.messageProperty().isNotEmpty());
        row.errorProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(ERROR, b));
        message.pseudoClassStateChanged(ERROR, row.errorProperty().get());

        grid.addRow(line, id, prio, editor, allowed, delay, latch, onOff);
        grid.add(message, 0, line + 1, 7, 1);
    }
}
