package org.vigil.ui;

import org.vigil.domain.Actor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.chair.BaselineChange;
import org.vigil.chair.ChairFeed;
import org.vigil.session.CuffReading;

/**
 * The baseline entered by hand (binds to {@link BaselinePane}): the session's cuff readings,
 * newest first, of which the nurse picks two, or systolic and diastolic typed in. An accepted
 * baseline is handed to {@code done} (which shows it under <em>Set baseline</em> and closes the
 * panel); a refused one leaves its reason in {@link #messageProperty()} with {@link #errorProperty()} set.
 */
final class BaselineEntryModel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One cuff reading as listed: {@code "09:15:02   124/80 (95)"}. */
    record Row(CuffReading reading, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final ChairFeed feed;
    private final Supplier<Actor> user;
    private final ZoneId zone;
    private final Consumer<BaselineChange> done;
    private final ObservableList<Row> readings = FXCollections.observableArrayList();
    private final StringProperty sys = new SimpleStringProperty("");
    private final StringProperty dia = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty();

    BaselineEntryModel(ChairFeed feed, Supplier<Actor> user, ZoneId zone, Consumer<BaselineChange> done) {
        this.feed = feed;
        this.user = user;
        this.zone = zone;
        this.done = done;
    }

    /** Reloads the cuff readings (newest first) and clears the last answer. */
    void open() {
        refresh();
        message.set("");
        error.set(false);
    }

    /** Reloads the cuff readings, newest first, when they changed. */
    void refresh() {
        List<CuffReading> all = feed.cuffReadings();
        List<Row> rows = new ArrayList<>(all.size());
        for (int i = all.size() - 1; i >= 0; i--) {
            CuffReading r = all.get(i);
            String mean = Double.isNaN(r.mean()) ? "" : " (" + Formats.threshold(r.mean()) + ")";
            rows.add(new Row(r, CLOCK.format(r.time().atZone(zone)) + "   " + r.pressure() + mean));
        }
        if (!rows.equals(readings)) {
            readings.setAll(rows);
        }
    }

    /** The baseline becomes the average of the two picked rows. */
    BaselineChange useChosen(List<Row> picked) {
        return answer(feed.setBaselineFromCuffReadings(picked.stream().map(Row::reading).toList(), user.get()));
    }

    /** The baseline becomes the typed systolic and diastolic. */
    BaselineChange useTyped() {
        return answer(feed.setBaselineTyped(sys.get(), dia.get(), user.get()));
    }

    private BaselineChange answer(BaselineChange c) {
        error.set(!c.accepted());
        message.set(ChairViewModel.resultText(c));
        if (c.accepted()) {
            sys.set("");
            dia.set("");
            done.accept(c);
        }
        return c;
    }

    ObservableList<Row> readings() {
        return readings;
    }

    StringProperty sysProperty() {
        return sys;
    }

    StringProperty diaProperty() {
        return dia;
    }

    StringProperty messageProperty() {
        return message;
    }

    BooleanProperty errorProperty() {
        return error;
    }
}
