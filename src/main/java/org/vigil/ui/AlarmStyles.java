package org.vigil.ui;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import org.vigil.alarm.Priority;

/**
 * CSS pseudo-classes for alarm signals: {@code :alarm-high}, {@code :alarm-medium},
 * {@code :alarm-low} for the priority and {@code :flash-on} for the bright phase. The colours live
 * in vigil.css; views only switch these states.
 */
final class AlarmStyles {

    static final PseudoClass HIGH = PseudoClass.getPseudoClass("alarm-high");
    static final PseudoClass MEDIUM = PseudoClass.getPseudoClass("alarm-medium");
    static final PseudoClass LOW = PseudoClass.getPseudoClass("alarm-low");
    static final PseudoClass FLASH_ON = PseudoClass.getPseudoClass("flash-on");

    private AlarmStyles() {
    }

    static void priority(Node node, Priority p) {
        node.pseudoClassStateChanged(HIGH, p == Priority.HIGH);
        node.pseudoClassStateChanged(MEDIUM, p == Priority.MEDIUM);
        node.pseudoClassStateChanged(LOW, p == Priority.LOW);
    }

    /** Keeps {@code node}'s pseudo-classes in step with a priority and a flash phase property. */
    static void bind(Node node, javafx.beans.value.ObservableValue<Priority> priority,
            javafx.beans.value.ObservableValue<Boolean> flashOn) {
        priority(node, priority.getValue());
        node.pseudoClassStateChanged(FLASH_ON, Boolean.TRUE.equals(flashOn.getValue()));
        priority.addListener((o, a, b) -> priority(node, b));
        flashOn.addListener((o, a, b) -> node.pseudoClassStateChanged(FLASH_ON, Boolean.TRUE.equals(b)));
    }
}
