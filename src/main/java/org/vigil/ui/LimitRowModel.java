package org.vigil.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vigil.alarm.Priority;
import org.vigil.chair.ThresholdRange;

/**
 * One alarm rule in the limits editor: what it is (fixed while the editor is open) and its
 * observable state: the threshold in force, the text being edited, on/off and the last message
 * (a refusal reason is shown as an error).
 */
final class LimitRowModel {

    /** What describes a rule, compared to notice a changed configuration. */
    record Description(String id, String parameter, String condition, String unit, Priority priority,
            ThresholdRange range, String delay, boolean latching, boolean measured) {
    }

    private final Description d;
    private final DoubleProperty threshold = new SimpleDoubleProperty();
    private final StringProperty edited = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty();
    private final BooleanBinding dirty;

    LimitRowModel(Description d, double threshold, boolean enabled) {
        this.d = d;
        this.threshold.set(threshold);
        this.edited.set(Formats.threshold(threshold));
        this.enabled.set(enabled);
        this.dirty = Bindings.createBooleanBinding(() -> !edited.get().strip().equals(Formats.threshold(this.threshold.get())),
                edited, this.threshold);
    }

    Description description() {
        return d;
    }

    String id() {
        return d.id();
    }

    /** The id made safe for a CSS id selector ({@code spo2.low} → {@code spo2-low}). */
    String nodeId() {
        return d.id().replace('.', '-');
    }

    /** {@code 85–95}, or {@code fixed} when the chair may not change it. */
    String allowedText() {
        ThresholdRange r = d.range();
        return r == null ? "fixed" : Formats.threshold(r.min()) + "\u2013" + Formats.threshold(r.max());
    }

    DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The threshold as typed; differs from the one in force until applied. */
    StringProperty editedProperty() {
        return edited;
    }

    BooleanProperty enabledProperty() {
        return enabled;
    }

    StringProperty messageProperty() {
        return message;
    }

    BooleanProperty errorProperty() {
        return error;
    }

    /** True while the typed threshold differs from the one in force. */
    BooleanBinding dirtyBinding() {
        return dirty;
    }

    void say(String text, boolean isError) {
        message.set(text);
        error.set(isError);
    }
}
