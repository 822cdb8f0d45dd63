package org.vigil.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Priority;

/**
 * Observable state of the alarm area: the banner (most urgent alarm), the frame colour and flash
 * phase of the highest priority, the list of all alarms, and the audio-pause countdown.
 */
final class AlarmAreaModel {

    static final String NO_ALARMS = "No active alarms";
    static final String PAUSE_AUDIO = "Pause audio";

    /**
     * Banner and list order (docs/ALARMS.md): unacknowledged first, so an acknowledged alarm never
     * hides a newer unacknowledged one; then the highest priority; then the newest.
     */
    static final Comparator<ActiveAlarm> URGENCY = AlarmSnapshot.BANNER_ORDER;
    /** The clock time in the alarm list's hover text. */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** How an alarm's parameter is printed: a name and the unit of its value (may be empty). */
    record Param(String name, String unit) {
    }

    private final StringProperty bannerText = new SimpleStringProperty(NO_ALARMS);
    private final StringProperty bannerDetail = new SimpleStringProperty("");
    private final ObjectProperty<Priority> highest = new SimpleObjectProperty<>();
    private final BooleanProperty flashOn = new SimpleBooleanProperty();
    private final ObjectProperty<Priority> bannerPriority = new SimpleObjectProperty<>();
    private final BooleanProperty bannerFlashOn = new SimpleBooleanProperty();
    private final ObservableList<AlarmRow> rows = FXCollections.observableArrayList();
    private final StringProperty pauseText = new SimpleStringProperty(PAUSE_AUDIO);
    private final BooleanProperty audioPaused = new SimpleBooleanProperty();
    private final BooleanProperty nothingToAcknowledge = new SimpleBooleanProperty(true);
    private final ZoneId zone;

    /** A model whose list prints clock times in the system time zone. */
    AlarmAreaModel() {
        this(ZoneId.systemDefault());
    }

    /** A model whose list prints clock times in {@code zone}. */
    AlarmAreaModel(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Recomputes everything from {@code snap}. {@code parameterLabel} turns an alarm's parameter (a
     * vital key or device id) into screen text with unit, e.g. {@code spo2 → "SpO2 %"}.
     */
    void update(AlarmSnapshot snap, Instant now, long frameNanos, Function<ActiveAlarm, Param> parameterLabel) {
        Priority top = snap.highest().orElse(null);
        highest.set(top);
        flashOn.set(Flash.on(top, frameNanos));
        ActiveAlarm urgent = snap.alarms().stream().min(URGENCY).orElse(null);
        bannerPriority.set(urgent == null ? null : urgent.priority());
        bannerFlashOn.set(Flash.on(bannerPriority.get(), frameNanos));
        if (urgent == null) {
            bannerText.set(NO_ALARMS);
            bannerDetail.set("");
        } else {
            bannerText.set(urgent.message());
            bannerDetail.set(detail(urgent, snap.alarms().size() - 1, parameterLabel.apply(urgent)));
        }
        List<AlarmRow> fresh = rows(snap, now, zone);
        if (!fresh.equals(rows)) {
            rows.setAll(fresh);
        }
        boolean paused = snap.audioPausedUntil() != null && snap.audioPausedUntil().isAfter(now);
        audioPaused.set(paused);
        pauseText.set(paused ? "Audio paused " + Formats.countdown(Duration.between(now, snap.audioPausedUntil())) : PAUSE_AUDIO);
        nothingToAcknowledge.set(snap.alarms().stream().allMatch(ActiveAlarm::acknowledged));
    }

    /**
     * E.g. {@code HIGH · SpO2 now 82 % · limit 85 % · +1 more}; {@code raised at 84} follows when the
     * alarm was raised by another value than the current one, {@code was} replaces {@code now} once
     * the condition ended.
     */
    static String detail(ActiveAlarm a, int others, Param label) {
        StringJoiner j = new StringJoiner("  \u00B7  ");
        j.add(a.priority().name());
        String unit = label.unit().isEmpty() ? "" : " " + label.unit();
        if (a.kind() == AlarmKind.TECHNICAL) {
            j.add(label.name() + " (technical)");
        } else if (a.current() != null) {
            j.add(label.name() + " now " + Formats.threshold(round1(a.current())) + unit);
        } else if (a.value() != null) {
            j.add(label.name() + " was " + Formats.threshold(round1(a.value())) + unit);
        } else {
            j.add(label.name());
        }
        if (a.limit() != null) {
            j.add("limit " + Formats.threshold(round1(a.limit())) + unit);
        }
        String raisedBy = raisedBy(a);
        if (!raisedBy.isEmpty()) {
            j.add(raisedBy);
        }
        String marks = marks(a);
        if (!marks.isEmpty()) {
            j.add(marks);
        }
        if (others > 0) {
            j.add("+" + others + " more");
        }
        return j.toString();
    }

    /**
     * The list, in banner order. A physiological alarm's text carries its current value
     * ({@code "NIBP sys 188 > 160 (raised at 167)"}); its age reads {@code "raised 03:12 ago"}, with the
     * clock time of the raise in the row's hover text.
     */
    static List<AlarmRow> rows(AlarmSnapshot snap, Instant now, ZoneId zone) {
        List<ActiveAlarm> sorted = new ArrayList<>(snap.alarms());
        sorted.sort(URGENCY);
        List<AlarmRow> out = new ArrayList<>(sorted.size() + snap.disabled().size());
        for (ActiveAlarm a : sorted) {
            String age = a.raisedAt() == null ? "" : "raised " + Formats.mmss(Duration.between(a.raisedAt(), now)) + " ago";
            String clock = a.raisedAt() == null ? "" : "raised at " + CLOCK.format(a.raisedAt().atZone(zone));
            String raisedBy = raisedBy(a);
            String text = raisedBy.isEmpty() ? a.message() : a.message() + " (" + raisedBy + ")";
            out.add(new AlarmRow(a.id(), a.priority(), priorityText(a.priority()), text, age, marks(a), clock));
        }
        snap.disabled().stream().sorted().forEach(id -> out.add(new AlarmRow(id, null, "OFF", id + " alarm off", "", "", "")));
        return out;
    }

    /** {@code "raised at 167"} when the value that raised the alarm is not its current one; else empty. */
    static String raisedBy(ActiveAlarm a) {
        if (a.kind() == AlarmKind.TECHNICAL || a.value() == null || a.current() == null
                || round1(a.value()) == round1(a.current())) {
            return "";
        }
        return "raised at " + Formats.threshold(round1(a.value()));
    }

    static String priorityText(Priority p) {
        return p == Priority.MEDIUM ? "MED" : p.name().toUpperCase(Locale.ROOT);
    }

    static String marks(ActiveAlarm a) {
        StringJoiner j = new StringJoiner(" ");
        if (a.acknowledged()) {
            j.add("ACK");
        }
        if (!a.conditionActive()) {
            j.add("LATCHED");
        }
        if (a.escalated()) {
            j.add("ESCALATED");
        }
        return j.toString();
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    StringProperty bannerTextProperty() {
        return bannerText;
    }

    StringProperty bannerDetailProperty() {
        return bannerDetail;
    }

    ObjectProperty<Priority> highestProperty() {
        return highest;
    }

    BooleanProperty flashOnProperty() {
        return flashOn;
    }

    /** The priority of the alarm in the banner (its colour); null without alarms. */
    ObjectProperty<Priority> bannerPriorityProperty() {
        return bannerPriority;
    }

    BooleanProperty bannerFlashOnProperty() {
        return bannerFlashOn;
    }

    ObservableList<AlarmRow> rows() {
        return rows;
    }

    StringProperty pauseTextProperty() {
        return pauseText;
    }

    BooleanProperty audioPausedProperty() {
        return audioPaused;
    }

    BooleanProperty nothingToAcknowledgeProperty() {
        return nothingToAcknowledge;
    }
}
