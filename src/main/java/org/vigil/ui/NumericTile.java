package org.vigil.ui;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One big numeric: parameter name and unit top left, alarm limits top right, the value large,
 * secondary value and age beside it, validity flag bottom left. Binds to a {@link TileModel};
 * the value font follows the tile size so it stays as large as fits.
 */
final class NumericTile extends BorderPane {

    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");

    private final Label value = new Label();

    NumericTile(TileModel m) {
        getStyleClass().addAll("tile", "tile-" + m.kind());
        setId(m.kind() + "Tile");

        Label name = label(m.labelProperty(), "tile-label", m.kind() + "Label");
        Label unit = label(m.unitProperty(), "tile-unit", null);
        Label high = label(m.limitHighProperty(), "tile-limit", m.kind() + "LimitHigh");
        Label low = label(m.limitLowProperty(), "tile-limit", m.kind() + "LimitLow");
        VBox limits = new VBox(0, high, low);
        limits.setAlignment(Pos.TOP_RIGHT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, name, unit, gap, limits);
        top.setAlignment(Pos.TOP_LEFT);
        setTop(top);

        value.textProperty().bind(m.valueProperty());
        value.getStyleClass().add("tile-value");
        value.setId(m.kind() + "Value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        Label detail = label(m.detailProperty(), "tile-detail", m.kind() + "Detail");
        HBox middle = new HBox(16, value, detail);
        middle.setAlignment(Pos.CENTER_LEFT);
        setCenter(middle);

        Label flag = label(m.flagProperty(), "tile-flag", m.kind() + "Flag");
        Label note = label(m.noteProperty(), "tile-note", m.kind() + "Note");
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox bottom = new HBox(10, flag, gap2, note);
        bottom.setAlignment(Pos.BOTTOM_LEFT);
        setBottom(bottom);

        visibleProperty().bind(m.shownProperty());
        managedProperty().bind(m.shownProperty());
        pseudoClassStateChanged(DIMMED, m.dimmedProperty().get());
        m.dimmedProperty().addListener((o, a, b) -> pseudoClassStateChanged(DIMMED, b));
        AlarmStyles.bind(this, m.alarmProperty(), m.flashOnProperty());

        widthProperty().addListener((o, a, b) -> fitValueFont());
        heightProperty().addListener((o, a, b) -> fitValueFont());
        value.textProperty().addListener((o, a, b) -> fitValueFont());
    }

    /** Sizes the value to the tile: about half its height, narrower for long values like 128/82. */
    private void fitValueFont() {
        double h = getHeight();
        double w = getWidth();
        if (h <= 0 || w <= 0) {
            return;
        }
        int chars = Math.max(3, value.getText() == null ? 3 : value.getText().length());
        double byHeight = h * 0.52;
        double byWidth = (w - 150) / (0.62 * chars);
        double size = Math.max(28, Math.min(byHeight, byWidth));
        value.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.0fpx;", size));
    }

    private static Label label(javafx.beans.value.ObservableValue<String> text, String style, String id) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().add(style);
        if (id != null) {
            l.setId(id);
        }
        return l;
    }
}
