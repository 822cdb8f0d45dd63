package org.vigil.ui;

import java.util.Comparator;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Priority;
import org.vigil.chair.ChairFeed;

/**
 * One chair as the overview shows it: patient initials, phase and timer, HR (or PR), SpO2 and
 * NIBP, the worst active alarm with its priority and flash phase, and the next cuff reading due.
 * It reads what the chair's screen models computed this frame (the feed's readings are drained
 * once, by the chair's view model) and the feed's alarm picture; no scene-graph types.
 */
final class ChairSummaryModel {

    /** Highest priority first; among equals, the newest. */
    static final Comparator<ActiveAlarm> WORST = Comparator.comparing(ActiveAlarm::priority).reversed()
            .thenComparing(ActiveAlarm::raisedAt, Comparator.reverseOrder());

    private final ChairFeed feed;
    private final ChairViewModel chair;
    private final SessionPanelModel session;

    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty initials = new SimpleStringProperty("");
    private final StringProperty phase = new SimpleStringProperty("");
    private final StringProperty heartLabel = new SimpleStringProperty("HR");
    private final StringProperty heart = new SimpleStringProperty(Formats.DASHES);
    private final StringProperty spo2 = new SimpleStringProperty(Formats.DASHES);
    private final StringProperty nibp = new SimpleStringProperty(Formats.DASHES);
    private final ObjectProperty<Priority> alarm = new SimpleObjectProperty<>();
    private final BooleanProperty flashOn = new SimpleBooleanProperty();
    private final StringProperty alarmText = new SimpleStringProperty("");
    private final StringProperty nextCuff = new SimpleStringProperty("");
    private final BooleanProperty cuffOverdue = new SimpleBooleanProperty();
    private final StringProperty links = new SimpleStringProperty("");
    private final BooleanProperty linkProblem = new SimpleBooleanProperty();

    ChairSummaryModel(ChairFeed feed, ChairViewModel chair, SessionPanelModel session) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.chair = Objects.requireNonNull(chair, "chair");
        this.session = Objects.requireNonNull(session, "session");
        label.set(feed.chairLabel());
    }

    /** True while the station is locked: the card shows no patient initials. */
    private boolean locked;

    void setLocked(boolean on) {
        locked = on;
    }

    /** Once per frame, after the chair's own models updated. */
    void update(long frameNanos) {
        boolean free = session.freeProperty().get();
        initials.set(free || locked ? "" : feed.clinicalSession().map(v -> v.patient().initials()).orElse(""));
        phase.set(free ? "Free" : session.phaseProperty().get() + "  " + session.phaseTimerProperty().get());
        heartLabel.set(chair.heart().labelProperty().get());
        heart.set(chair.heart().valueProperty().get());
        spo2.set(chair.spo2().valueProperty().get());
        nibp.set(chair.nibp().valueProperty().get());
        nextCuff.set(session.nextCuffProperty().get());
        cuffOverdue.set(session.cuffOverdueProperty().get());
        updateLinks();

        AlarmSnapshot snap = feed.alarms();
        ActiveAlarm worst = snap == null ? null : snap.alarms().stream().min(WORST).orElse(null);
        alarm.set(worst == null ? null : worst.priority());
        flashOn.set(Flash.on(alarm.get(), frameNanos));
        alarmText.set(worst == null ? "" : worst.priority().name() + "  " + worst.message()
                + (snap.alarms().size() > 1 ? "  (+" + (snap.alarms().size() - 1) + ")" : ""));
    }

    /** Each device's link in a nurse's words ("Pulse oximeter OK · Monitor NO DATA"); flagged when one is not OK. */
    private void updateLinks() {
        java.util.Map<String, org.vigil.chair.ConnectionState> states = feed.connectionStates();
        StringBuilder b = new StringBuilder();
        boolean problem = false;
        for (org.vigil.chair.DeviceInfo d : feed.devices()) {
            org.vigil.chair.ConnectionState st = states.get(d.id());
            if (b.length() > 0) {
                b.append("  \u00b7  ");
            }
            b.append(d.label()).append(' ').append(DeviceRow.text(st));
            problem |= st != org.vigil.chair.ConnectionState.CONNECTED;
        }
        String text = b.toString();
        if (!text.equals(links.get())) {
            links.set(text);
        }
        linkProblem.set(problem);
    }

    /** The devices' link states, one line. */
    StringProperty linksProperty() {
        return links;
    }

    /** True when a device is not OK. */
    BooleanProperty linkProblemProperty() {
        return linkProblem;
    }

    ChairFeed feed() {
        return feed;
    }

    StringProperty labelProperty() {
        return label;
    }

    StringProperty initialsProperty() {
        return initials;
    }

    StringProperty phaseProperty() {
        return phase;
    }

    StringProperty heartLabelProperty() {
        return heartLabel;
    }

    StringProperty heartProperty() {
        return heart;
    }

    StringProperty spo2Property() {
        return spo2;
    }

    StringProperty nibpProperty() {
        return nibp;
    }

    ObjectProperty<Priority> alarmProperty() {
        return alarm;
    }

    BooleanProperty flashOnProperty() {
        return flashOn;
    }

    /** "HIGH  SpO2 82 < 85  (+1)"; empty without an alarm. */
    StringProperty alarmTextProperty() {
        return alarmText;
    }

    StringProperty nextCuffProperty() {
        return nextCuff;
    }

    BooleanProperty cuffOverdueProperty() {
        return cuffOverdue;
    }
}
