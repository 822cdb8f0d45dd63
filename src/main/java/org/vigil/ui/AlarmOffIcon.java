package org.vigil.ui;

import javafx.scene.Group;
import javafx.scene.shape.Line;
import javafx.scene.shape.SVGPath;

/**
 * The "alarm off" symbol (IEC 60417-5319 style: a bell crossed out), drawn as shapes so it needs no
 * symbol font. Coloured by the {@code alarm-off-icon} style class.
 */
final class AlarmOffIcon extends Group {

    AlarmOffIcon() {
        SVGPath bell = new SVGPath();
        bell.setContent("M8 1 C5 1 3.5 3.5 3.5 6 L3.5 10 L2 12 L14 12 L12.5 10 L12.5 6 C12.5 3.5 11 1 8 1 Z"
                + " M6.3 13 A1.7 1.7 0 0 0 9.7 13 Z");
        bell.getStyleClass().add("alarm-off-bell");
        Line cross = new Line(1.5, 15, 14.5, 0.5);
        cross.getStyleClass().add("alarm-off-cross");
        getChildren().addAll(bell, cross);
        getStyleClass().add("alarm-off-icon");
    }
}
