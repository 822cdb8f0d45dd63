package org.vigil.ui;

import org.vigil.domain.Actor;
import java.util.StringJoiner;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Priority;
import org.vigil.chair.StationFeed;

/**
 * Observable state of the station strip: the station-wide technical alarms (alarm audio
 * unavailable, recording unavailable), shown once above every chair and acknowledged once.
 * Hidden while there is none. Its colour is the highest priority on it; it flashes while one is
 * unacknowledged (an acknowledged one stays, steady, while its condition lasts).
 */
final class StationStripModel {

    private final StationFeed station;
    private final Supplier<Actor> user;
    private final BooleanProperty shown = new SimpleBooleanProperty();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>();
    private final BooleanProperty flashOn = new SimpleBooleanProperty();
    private final BooleanProperty nothingToAcknowledge = new SimpleBooleanProperty(true);

    StationStripModel(StationFeed station, Supplier<Actor> user) {
        this.station = station;
        this.user = user;
    }

    /** One frame: reads the station's alarms once. */
    void onFrame(long frameNanos) {
        AlarmSnapshot snap = station.alarms();
        shown.set(!snap.alarms().isEmpty());
        // one line per alarm, wrapped by the strip: a long reason is read in full, never cut to "..."
        StringJoiner j = new StringJoiner("\n");
        for (ActiveAlarm a : snap.alarms()) {
            String marks = AlarmAreaModel.marks(a);
            // e.g. "HIGH ACK ESCALATED  Station: alarm audio unavailable (no sound output device)"
            j.add(AlarmAreaModel.priorityText(a.priority()) + (marks.isEmpty() ? "" : " " + marks) + "  " + a.message());
        }
        text.set(j.toString());
        Priority top = snap.highest().orElse(null);
        priority.set(top);
        boolean unacknowledged = snap.alarms().stream().anyMatch(a -> !a.acknowledged());
        flashOn.set(unacknowledged && Flash.on(top, frameNanos));
        nothingToAcknowledge.set(!unacknowledged);
    }

    /** Acknowledges the station alarms, once for every chair. */
    void acknowledge() {
        station.acknowledge(user.get());
    }

    BooleanProperty shownProperty() {
        return shown;
    }

    StringProperty textProperty() {
        return text;
    }

    ObjectProperty<Priority> priorityProperty() {
        return priority;
    }

    BooleanProperty flashOnProperty() {
        return flashOn;
    }

    BooleanProperty nothingToAcknowledgeProperty() {
        return nothingToAcknowledge;
    }
}
