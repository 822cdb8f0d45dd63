package org.vigil.ui;

import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One big numeric. Top row: parameter name and unit, then the validity flag (e.g. SENSOR OFF)
 * and a note (e.g. "2 min ago") on the right. Below: the value as large as the tile allows, the
 * secondary value (PI, NIBP mean) beside it and the alarm limits at the right edge, with the session
 * baseline under them when one is set (NIBP: "BL 124/78"). At the bottom, while any of the tile's
 * alarms is switched off, the crossed bell and which alarm is off. Binds to a {@link TileModel}.
 */
final class NumericTile extends BorderPane {

    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    private static final double GAP = 14;

    private final Label value = new Label();
    private final Label detail;
    private final VBox limits;

    NumericTile(TileModel m) {
        getStyleClass().addAll("tile", "tile-" + m.kind());
        setId(m.kind() + "Tile");

        Label name = label(m.labelProperty(), "tile-label", m.kind() + "Label");
        Label unit = label(m.unitProperty(), "tile-unit", null);
        Label flag = label(m.flagProperty(), "tile-flag", m.kind() + "Flag");
        Label note = label(m.noteProperty(), "tile-note", m.kind() + "Note");
        // The parameter's name never gives way to a long marker: the marker wraps instead.
        name.setMinWidth(Region.USE_PREF_SIZE);
        unit.setMinWidth(Region.USE_PREF_SIZE);
        note.setMinWidth(Region.USE_PREF_SIZE);
        flag.setWrapText(true);
        flag.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, name, unit, gap, flag, note);
        top.setAlignment(Pos.BASELINE_LEFT);
        setTop(top);

        value.textProperty().bind(m.valueProperty());
        value.getStyleClass().add("tile-value");
        value.setId(m.kind() + "Value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        detail = label(m.detailProperty(), "tile-detail", m.kind() + "Detail");
        detail.setMinWidth(Region.USE_PREF_SIZE);
        Label high = label(m.limitHighProperty(), "tile-limit", m.kind() + "LimitHigh");
        Label low = label(m.limitLowProperty(), "tile-limit", m.kind() + "LimitLow");
        Label baseline = label(m.baselineProperty(), "tile-baseline", m.kind() + "Baseline");
        baseline.visibleProperty().bind(m.baselineProperty().isNotEmpty());
        baseline.managedProperty().bind(baseline.visibleProperty());
        limits = new VBox(2, high, low, baseline);
        limits.setAlignment(Pos.CENTER_RIGHT);
        limits.setMinWidth(Region.USE_PREF_SIZE);
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox middle = new HBox(GAP, value, detail, gap2, limits);
        middle.setAlignment(Pos.CENTER_LEFT);
        setCenter(middle);

        // The IEC 60601-1-8 "alarm off" indication: the crossed bell and, in words, which tier is off.
        Label off = label(m.alarmsOffProperty(), "tile-alarms-off", m.kind() + "AlarmsOff");
        off.setGraphic(new AlarmOffIcon());
        off.setWrapText(true);
        off.visibleProperty().bind(m.alarmsOffProperty().isNotEmpty());
        off.managedProperty().bind(off.visibleProperty());
        setBottom(off);

        visibleProperty().bind(m.shownProperty());
        managedProperty().bind(m.shownProperty());
        pseudoClassStateChanged(DIMMED, m.dimmedProperty().get());
        m.dimmedProperty().addListener((o, a, b) -> pseudoClassStateChanged(DIMMED, b));
        AlarmStyles.bind(this, m.alarmProperty(), m.flashOnProperty());

        // The tile asks for no size of its own: the column gives it its width and shares its
        // height among the tiles, and the value font follows the tile, never the other way round.
        setMinSize(0, 0);
        setPrefSize(0, 0);
        widthProperty().addListener((o, a, b) -> fitValueFont());
        heightProperty().addListener((o, a, b) -> fitValueFont());
        value.textProperty().addListener((o, a, b) -> fitValueFont());
        off.visibleProperty().addListener((o, a, b) -> fitValueFont());
        detail.textProperty().addListener((o, a, b) -> fitValueFont());
        // The room left for the value also depends on the styled widths of the secondary value and
        // the limits, which are known only after CSS and layout have run.
        detail.widthProperty().addListener((o, a, b) -> fitValueFont());
        limits.widthProperty().addListener((o, a, b) -> fitValueFont());
    }

    /** Sizes the value to the room left by the top row, the secondary value and the limits. */
    private void fitValueFont() {
        double h = getHeight();
        double w = getWidth();
        if (h <= 0 || w <= 0) {
            return;
        }
        double bottom = getBottom() != null && getBottom().isManaged() ? getBottom().prefHeight(w) : 0;
        double roomY = h - getTop().prefHeight(w) - bottom - snappedTopInset() - snappedBottomInset();
        double roomX = w - snappedLeftInset() - snappedRightInset() - detail.prefWidth(-1) - limits.prefWidth(-1) - 3 * GAP;
        int chars = Math.max(3, value.getText() == null ? 3 : value.getText().length());
        double byHeight = (roomY + 12) / 1.2;
        double byWidth = roomX / (0.68 * chars);
        double size = Math.max(20, Math.min(byHeight, byWidth));
        value.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", size));
    }

    private static Label label(ObservableValue<String> text, String style, String id) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().add(style);
        if (id != null) {
            l.setId(id);
        }
        return l;
    }
}
