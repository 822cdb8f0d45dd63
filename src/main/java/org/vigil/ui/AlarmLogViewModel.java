package org.vigil.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmLogFormat;
import org.vigil.domain.Vital;
import org.vigil.chair.AlarmLogEntry;
import org.vigil.chair.ChairFeed;
import org.vigil.chair.DeviceInfo;

/**
 * The alarm log of one chair as table rows, newest first. {@link #refresh()} adds only what is new
 * since the last call (the feed's log is oldest first and only grows, or drops its oldest
 * entries when full: then the rows are rebuilt).
 */
final class AlarmLogViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ChairFeed feed;
    private final ZoneId zone;
    private final ObservableList<AlarmLogRow> rows = FXCollections.observableArrayList();
    private final StringProperty count = new SimpleStringProperty("");
    private AlarmLogEntry last;
    private int seen;

    AlarmLogViewModel(ChairFeed feed, ZoneId zone) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    void refresh() {
        List<AlarmLogEntry> log = feed.alarmLog();
        int n = log.size();
        if (n == 0) {
            if (seen != 0 || rows.size() != 0) {
                rows.clear();
            }
            setCount(0);
            last = null;
            seen = 0;
            return;
        }
        if (last != null && n >= 1 && log.get(n - 1) == last && n == seen) {
            return;
        }
        int from = indexOf(log, last);
        if (last != null && from >= 0) {
            List<AlarmLogRow> added = new ArrayList<>(n - from - 1);
            for (int i = n - 1; i > from; i--) {
                added.add(row(log.get(i)));
            }
            rows.addAll(0, added);
        } else {
            List<AlarmLogRow> all = new ArrayList<>(n);
            for (int i = n - 1; i >= 0; i--) {
                all.add(row(log.get(i)));
            }
            rows.setAll(all);
        }
        if (rows.size() > n) {
            rows.remove(n, rows.size());
        }
        last = log.get(n - 1);
        seen = n;
        setCount(n);
    }

    /** The index of {@code e} (the same object) in {@code log}, searching from the end; -1 when gone. */
    private static int indexOf(List<AlarmLogEntry> log, AlarmLogEntry e) {
        if (e == null) {
            return -1;
        }
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i) == e) {
                return i;
            }
        }
        return -1;
    }

    private void setCount(int n) {
        count.set(n == 1 ? "1 entry" : n + " entries");
    }

    AlarmLogRow row(AlarmLogEntry e) {
        String detail = e.detail();
        if (e.until() != null) {
            String until = "until " + TIME.format(e.until().atZone(zone));
            detail = detail.isEmpty() ? until : until + " \u00B7 " + detail;
        }
        String event = e.event().replace('_', ' ');
        if (e.event().equals(AlarmEventType.ENDED.key()) && detail.contains(AlarmEvent.SOURCE_LOST)) {
            event = "ended: source lost"; // not recovered: the device went silent or was unplugged
        }
        return new AlarmLogRow(TIME.format(e.time().atZone(zone)), event,
                e.alarmId() == null ? "" : e.alarmId(), e.priority(),
                e.priority() == null ? "" : AlarmAreaModel.priorityText(e.priority()), parameter(e.parameter()),
                AlarmLogFormat.number(e.value()), AlarmLogFormat.number(e.limit()), e.user() == null ? "" : e.user(),
                detail);
    }

    private String parameter(String p) {
        if (p == null) {
            return "";
        }
        var v = Vital.fromKey(p);
        if (v.isPresent()) {
            return v.get().label();
        }
        for (DeviceInfo d : feed.devices()) {
            if (d.id().equals(p)) {
                return d.label();
            }
        }
        return p;
    }

    /** Newest first. */
    ObservableList<AlarmLogRow> rows() {
        return rows;
    }

    /** {@code 12 entries}. */
    StringProperty countProperty() {
        return count;
    }

    String chairLabel() {
        return feed.chairLabel();
    }
}
