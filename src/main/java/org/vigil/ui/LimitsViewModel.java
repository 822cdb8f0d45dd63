package org.vigil.ui;

import org.vigil.domain.Actor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Direction;
import org.vigil.alarm.LimitReference;
import org.vigil.alarm.LimitRule;
import org.vigil.domain.Vital;
import org.vigil.chair.ChairFeed;
import org.vigil.chair.ClinicDefaultsResult;
import org.vigil.chair.DeviceInfo;
import org.vigil.chair.LimitChange;
import org.vigil.chair.ThresholdRange;

/**
 * The limits editor of one chair: every alarm rule with its threshold, clinic bounds, priority,
 * delay, latching and on/off. Any user may change a threshold within the clinic bounds (the chair
 * answers at once; a refusal's reason is shown on the row). Switching an alarm off or on and saving
 * the chair's limits as the clinic defaults need admin mode. Every change goes to the chair with
 * the user's name; in admin mode that is the admin's.
 */
final class LimitsViewModel {

    static final String NOT_A_NUMBER = "Not a number: ";
    static final String REFUSED = "Not changed: ";

    private final ChairFeed feed;
    private final AdminModel admin;
    private final Supplier<Actor> user;
    private final ObservableList<LimitRowModel> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageError = new SimpleBooleanProperty();

    LimitsViewModel(ChairFeed feed, AdminModel admin, Supplier<Actor> user) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.user = Objects.requireNonNull(user, "user");
    }

    /** Reads the chair's rules again: thresholds and on/off in force; rebuilds the rows when the rules changed. */
    void refresh() {
        AlarmConfig config = feed.alarmConfig().orElse(null);
        if (config == null) {
            if (!rows.isEmpty()) {
                rows.clear();
            }
            message.set("The alarm settings of this chair are not known.");
            messageError.set(true);
            return;
        }
        AlarmSnapshot snap = feed.alarms();
        Set<String> off = snap == null ? Set.of() : snap.disabled();
        Set<Vital> measured = EnumSet.noneOf(Vital.class);
        for (DeviceInfo d : feed.devices()) {
            measured.addAll(d.vitals());
        }
        List<LimitRowModel.Description> fresh = new ArrayList<>(config.rules().size());
        for (LimitRule r : config.rules()) {
            fresh.add(describe(r, measured));
        }
        boolean same = fresh.size() == rows.size();
        for (int i = 0; same && i < fresh.size(); i++) {
            same = fresh.get(i).equals(rows.get(i).description());
        }
        if (!same) {
            List<LimitRowModel> built = new ArrayList<>(fresh.size());
            for (int i = 0; i < fresh.size(); i++) {
                LimitRule r = config.rules().get(i);
                built.add(new LimitRowModel(fresh.get(i), r.threshold(), r.enabled() && !off.contains(r.id())));
            }
            rows.setAll(built);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            LimitRule r = config.rules().get(i);
            LimitRowModel row = rows.get(i);
            if (row.thresholdProperty().get() != r.threshold()) {
                boolean editing = row.dirtyBinding().get();
                row.thresholdProperty().set(r.threshold());
                if (!editing) {
                    row.editedProperty().set(Formats.threshold(r.threshold()));
                }
            }
            row.enabledProperty().set(r.enabled() && !off.contains(r.id()));
        }
    }

    private LimitRowModel.Description describe(LimitRule r, Set<Vital> measured) {
        ThresholdRange range = feed.thresholdRange(r.id()).orElse(null);
        String delay = r.vital().isNibp() ? "per cuff" : seconds(r.conditionDelay());
        return new LimitRowModel.Description(r.id(), r.vital().label(), condition(r), r.vital().unit().symbol(),
                r.priority(), range, delay, r.latching(), measured.contains(r.vital()));
    }

    /** {@code <}, {@code ≤}, {@code >}, {@code ≥}; {@code rise ≥} / {@code fall ≥} from the baseline. */
    static String condition(LimitRule r) {
        boolean high = r.direction() == Direction.HIGH;
        if (r.reference() == LimitReference.BASELINE) {
            return (high ? "rise " : "fall ") + (r.inclusive() ? "\u2265" : ">");
        }
        if (high) {
            return r.inclusive() ? "\u2265" : ">";
        }
        return r.inclusive() ? "\u2264" : "<";
    }

    private static String seconds(Duration d) {
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Moves the typed threshold one step ({@code +1} or {@code -1}), kept inside the clinic bounds. */
    void step(LimitRowModel row, int direction) {
        admin.touch();
        double v = parse(row.editedProperty().get());
        if (Double.isNaN(v)) {
            v = row.thresholdProperty().get();
        }
        v = Math.rint(v) + Math.signum(direction);
        ThresholdRange r = row.description().range();
        if (r != null) {
            v = Math.max(r.min(), Math.min(r.max(), v));
        }
        row.editedProperty().set(Formats.threshold(v));
        row.say("", false);
    }

    /** Sends the typed threshold to the chair; shows the refusal's reason or what changed. True when accepted. */
    boolean apply(LimitRowModel row) {
        admin.touch();
        String text = row.editedProperty().get().strip();
        double v = parse(text);
        if (Double.isNaN(v)) {
            row.say(NOT_A_NUMBER + "'" + text + "'", true);
            return false;
        }
        double old = row.thresholdProperty().get();
        LimitChange c = feed.changeLimit(row.id(), v, who());
        if (!c.accepted()) {
            row.say(REFUSED + c.refusal(), true);
            return false;
        }
        if (c.changed()) {
            row.thresholdProperty().set(v);
            row.say("Changed " + Formats.threshold(old) + " \u2192 " + Formats.threshold(v) + " by " + who(), false);
        } else {
            row.say("", false);
        }
        row.editedProperty().set(Formats.threshold(v));
        return true;
    }

    /** Puts the typed threshold back to the one in force. */
    void revert(LimitRowModel row) {
        row.editedProperty().set(Formats.threshold(row.thresholdProperty().get()));
        row.say("", false);
    }

    /** Switches the alarm off or on; admin only. True when sent to the chair. */
    boolean setEnabled(LimitRowModel row, boolean on) {
        if (!admin.active()) {
            row.say(AdminModel.ADMIN_ONLY, true);
            return false;
        }
        admin.touch();
        if (row.enabledProperty().get() == on) {
            return true;
        }
        org.vigil.session.ActionResult done = feed.setAlarmEnabled(row.id(), on, admin.user());
        if (!done.done()) {
            row.say(done.reasonText(), true);
            return false;
        }
        row.enabledProperty().set(on);
        row.say(on ? "Alarm switched on by " + admin.user() : "Alarm OFF: it will not sound or show. Switched off by "
                + admin.user(), !on);
        return true;
    }

    /** Saves this chair's limits as the clinic defaults for every chair; admin only. */
    boolean saveClinicDefaults() {
        if (!admin.active()) {
            say(AdminModel.ADMIN_ONLY, true);
            return false;
        }
        admin.touch();
        ClinicDefaultsResult r = admin.station().saveClinicDefaults(feed.chairId(), admin.user());
        say(r.message(), !r.saved());
        return r.saved();
    }

    private Actor who() {
        return admin.active() ? admin.user() : user.get();
    }

    private void say(String text, boolean isError) {
        message.set(text);
        messageError.set(isError);
    }

    /** A typed number; a decimal comma is accepted. NaN when it is none. */
    static double parse(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        if (!t.matches("[-+]?[0-9]+(\\.[0-9]+)?")) {
            return Double.NaN;
        }
        return Double.parseDouble(t);
    }

    ObservableList<LimitRowModel> rows() {
        return rows;
    }

    /** Panel message: the result of a save, or why an admin action was refused. */
    StringProperty messageProperty() {
        return message;
    }

    BooleanProperty messageErrorProperty() {
        return messageError;
    }

    ReadOnlyBooleanProperty adminActiveProperty() {
        return admin.activeProperty();
    }

    AdminModel admin() {
        return admin;
    }

    String chairLabel() {
        return feed.chairLabel();
    }
}
