package org.vigil.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vigil.alarm.Priority;

/**
 * Observable state of one numerics tile. {@code kind} (hr, spo2, nibp, rr) picks the tile's colour;
 * {@code alarm} is the highest priority of the tile's parameter alarms (null when none) and
 * {@code flashOn} whether that alarm's visual signal is in its bright phase this frame.
 */
final class TileModel {

    private final String kind;
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty(Formats.DASHES);
    private final StringProperty unit = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty flag = new SimpleStringProperty("");
    private final BooleanProperty dimmed = new SimpleBooleanProperty(true);
    private final StringProperty limitHigh = new SimpleStringProperty("");
    private final StringProperty limitLow = new SimpleStringProperty("");
    private final StringProperty baseline = new SimpleStringProperty("");
    private final ObjectProperty<Priority> alarm = new SimpleObjectProperty<>();
    private final BooleanProperty flashOn = new SimpleBooleanProperty();
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final StringProperty alarmsOff = new SimpleStringProperty("");

    TileModel(String kind) {
        this.kind = kind;
    }

    String kind() {
        return kind;
    }

    /** Applies freshly computed text in one go. */
    void show(TileText t) {
        label.set(t.label());
        value.set(t.value());
        unit.set(t.unit());
        detail.set(t.detail());
        note.set(t.note());
        flag.set(t.flag());
        dimmed.set(t.dimmed());
    }

    StringProperty labelProperty() {
        return label;
    }

    StringProperty valueProperty() {
        return value;
    }

    StringProperty unitProperty() {
        return unit;
    }

    StringProperty detailProperty() {
        return detail;
    }

    StringProperty noteProperty() {
        return note;
    }

    StringProperty flagProperty() {
        return flag;
    }

    BooleanProperty dimmedProperty() {
        return dimmed;
    }

    StringProperty limitHighProperty() {
        return limitHigh;
    }

    StringProperty limitLowProperty() {
        return limitLow;
    }

    /** The session baseline the tile's rise alarms compare against ({@code "BL 124/78"}); empty when none. */
    StringProperty baselineProperty() {
        return baseline;
    }

    ObjectProperty<Priority> alarmProperty() {
        return alarm;
    }

    BooleanProperty flashOnProperty() {
        return flashOn;
    }

    BooleanProperty shownProperty() {
        return shown;
    }

    /** The tile's alarms switched off, in words ("HR > 120 alarm OFF (≥ 130 still on)"); empty when all are on. */
    StringProperty alarmsOffProperty() {
        return alarmsOff;
    }
}
