package org.vigil.ui;

import org.vigil.domain.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Baseline;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.chair.BaselineChange;
import org.vigil.chair.ChairFeed;
import org.vigil.chair.ConnectionState;
import org.vigil.chair.DeviceInfo;

/**
 * Everything one chair screen shows, as observable state computed from a {@link ChairFeed}. The
 * screen's frame loop calls {@link #onFrame} once per frame on the FX thread; it drains at most
 * {@link #MAX_READINGS_PER_FRAME} readings and reads the alarm picture and connection states
 * once. Views only bind to this state and call the command methods. No Stage needed to test.
 */
final class ChairViewModel {

    static final int MAX_READINGS_PER_FRAME = 500;
    /** How long the "Set baseline" result stays on screen. */
    static final long BASELINE_RESULT_NANOS = 8_000_000_000L;
    /** The baseline on the NIBP tile: {@code "BL 124/78"}. */
    static final String BASELINE_PREFIX = "BL ";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ChairFeed feed;
    private final Supplier<Actor> user;
    private final ZoneId zone;
    private final LatestReadings latest = new LatestReadings();
    private final NumericsPresenter numerics = new NumericsPresenter(latest);
    private final TrendStore trends = new TrendStore();

    private final TileModel heart = new TileModel("hr");
    private final TileModel spo2 = new TileModel("spo2");
    private final TileModel nibp = new TileModel("nibp");
    private final TileModel rr = new TileModel("rr");
    private final AlarmAreaModel alarmArea;
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final StringProperty chairLabel = new SimpleStringProperty("");
    private final StringProperty sessionTime = new SimpleStringProperty("");
    private final StringProperty clock = new SimpleStringProperty("");
    private final BooleanProperty simulated = new SimpleBooleanProperty();
    private final StringProperty baselineResult = new SimpleStringProperty("");
    private final StringProperty baselineResultDetail = new SimpleStringProperty("");
    private final StringProperty alarmsOff = new SimpleStringProperty("");
    /** What the "alarm off" texts were last computed from (they are not recomputed every frame). */
    private AlarmConfig offTextsConfig;
    private Set<String> offTextsDisabled;
    private List<DeviceInfo> offTextsDevices;
    private Vital heartShown = Vital.HR;
    private final LongProperty trendVersion = new SimpleLongProperty();
    private final IntegerProperty trendSpanMinutes = new SimpleIntegerProperty(10);

    private Instant shownSessionStart;
    private boolean historyLoaded;
    private boolean rrSeen;
    private long lastFrameNanos;
    private long baselineResultUntil;

    ChairViewModel(ChairFeed feed, Supplier<Actor> user, ZoneId zone) {
        this.feed = feed;
        this.user = user;
        this.zone = zone;
        this.alarmArea = new AlarmAreaModel(zone);
        chairLabel.set(feed.chairLabel());
        simulated.set(feed.simulated());
        rr.shownProperty().set(false);
    }

    /** One frame: drain readings, read alarms and connection states, update every property. */
    void onFrame(long frameNanos) {
        lastFrameNanos = frameNanos;
        Instant now = feed.now();
        Instant start = feed.sessionStart();
        if (start == null) {
            start = shownSessionStart != null ? shownSessionStart : now;
        }
        if (!start.equals(shownSessionStart)) {
            if (shownSessionStart != null) {
                trends.clear();
            }
            shownSessionStart = start;
            historyLoaded = false;
        }
        if (!historyLoaded) {
            historyLoaded = true;
            for (Reading r : feed.history()) {
                latest.accept(r);
                trends.addFromHistory(r, start);
                rrSeen |= r.vital() == Vital.RR;
            }
        }
        Instant sessionStart = start;
        feed.drainReadings(r -> accept(r, sessionStart), MAX_READINGS_PER_FRAME);
        trendVersion.set(trends.version());

        AlarmSnapshot snap = feed.alarms();
        if (snap == null) {
            snap = AlarmSnapshot.empty(now);
        }
        Map<String, ConnectionState> states = feed.connectionStates();
        Map<String, String> problems = feed.connectionProblems();
        List<DeviceInfo> infos = feed.devices();

        Duration elapsed = Duration.between(start, now);
        sessionTime.set(Formats.elapsed(elapsed));
        clock.set(CLOCK.format(now.atZone(zone)));
        trendSpanMinutes.set(TrendStore.spanMinutes(elapsed.toMillis() / 60_000.0));
        simulated.set(feed.simulated());

        Set<String> silent = new java.util.HashSet<>();
        states.forEach((id, st) -> {
            if (st == ConnectionState.NO_DATA || st == ConnectionState.DISCONNECTED) {
                // a sensor-off device still talks: its tiles show its own flags, not staleness
                silent.add(id);
            }
        });
        numerics.silentDevices(silent);
        updateTiles(now, snap, infos, frameNanos);
        AlarmConfig config = feed.alarmConfig().orElse(null);
        if (config != offTextsConfig || !snap.disabled().equals(offTextsDisabled) || !infos.equals(offTextsDevices)) {
            // the "alarm off" texts change only with the configuration, the alarms off or the devices
            offTextsConfig = config;
            offTextsDisabled = snap.disabled();
            offTextsDevices = infos;
            alarmsOff.set(AlarmsOff.header(config, snap.disabled(), infos));
            heart.alarmsOffProperty().set(AlarmsOff.tile(config, snap.disabled(), List.of(heartShown)));
            spo2.alarmsOffProperty().set(AlarmsOff.tile(config, snap.disabled(), List.of(Vital.SPO2)));
            nibp.alarmsOffProperty().set(AlarmsOff.tile(config, snap.disabled(),
                    List.of(Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN)));
            rr.alarmsOffProperty().set(AlarmsOff.tile(config, snap.disabled(), List.of(Vital.RR)));
        }
        alarmArea.update(snap, now, frameNanos, a -> parameter(a, infos));
        updateDevices(infos, states, problems);
        if (!baselineResult.get().isEmpty() && frameNanos - baselineResultUntil > 0) {
            baselineResult.set("");
        }
    }

    private void accept(Reading r, Instant sessionStart) {
        latest.accept(r);
        trends.add(r, sessionStart);
        rrSeen |= r.vital() == Vital.RR;
    }

    private void updateTiles(Instant now, AlarmSnapshot snap, List<DeviceInfo> infos, long frameNanos) {
        Set<Vital> configured = EnumSet.noneOf(Vital.class);
        infos.forEach(d -> configured.addAll(d.vitals()));
        AlarmConfig config = feed.alarmConfig().orElse(null);
        Set<String> off = snap.disabled();

        Vital hv = numerics.heartVital(now, configured);
        heart.show(numerics.heart(hv, now));
        tile(heart, List.of(hv), config, off, snap, frameNanos, Set.of("hr", "pr"));
        if (hv != heartShown) {
            heartShown = hv;
            offTextsConfig = null; // the heart tile now shows another vital: its alarm-off text follows
            offTextsDisabled = null;
        }
        spo2.show(numerics.spo2(now));
        tile(spo2, List.of(Vital.SPO2), config, off, snap, frameNanos, Set.of("spo2", "pi"));
        nibp.show(numerics.nibp(now));
        Baseline b = feed.baseline().orElse(null);
        nibp.baselineProperty().set(b == null || b.sys() == null || b.dia() == null ? ""
                : BASELINE_PREFIX + Formats.threshold(b.sys()) + '/' + Formats.threshold(b.dia()));
        if (b == null) {
            trends.setBaseline(Double.NaN, Double.NaN);
        } else {
            trends.setBaseline(b.valueFor(Vital.NIBP_SYS), b.valueFor(Vital.NIBP_DIA));
        }
        tile(nibp, List.of(Vital.NIBP_SYS, Vital.NIBP_DIA), config, off, snap, frameNanos,
                Set.of("nibp_sys", "nibp_dia", "nibp_mean"));
        rr.shownProperty().set(rrSeen || configured.contains(Vital.RR));
        rr.show(numerics.rr(now));
        tile(rr, List.of(Vital.RR), config, off, snap, frameNanos, Set.of("rr"));
    }

    private static void tile(TileModel t, List<Vital> limitsOf, AlarmConfig config, Set<String> off, AlarmSnapshot snap,
            long frameNanos, Set<String> keys) {
        t.limitHighProperty().set(LimitTexts.high(config, off, limitsOf));
        t.limitLowProperty().set(LimitTexts.low(config, off, limitsOf));
        Priority p = null;
        for (ActiveAlarm a : snap.alarms()) {
            if (a.kind() == AlarmKind.PHYSIOLOGICAL && keys.contains(a.parameter()) && (p == null || a.priority().compareTo(p) > 0)) {
                p = a.priority();
            }
        }
        t.alarmProperty().set(p);
        t.flashOnProperty().set(Flash.on(p, frameNanos));
    }

    private static AlarmAreaModel.Param parameter(ActiveAlarm a, List<DeviceInfo> infos) {
        if (a.parameter() == null) {
            return new AlarmAreaModel.Param("", "");
        }
        var vital = Vital.fromKey(a.parameter());
        if (vital.isPresent()) {
            return new AlarmAreaModel.Param(vital.get().label(), vital.get().unit().symbol());
        }
        for (DeviceInfo d : infos) {
            if (d.id().equals(a.parameter())) {
                return new AlarmAreaModel.Param(d.label(), "");
            }
        }
        return new AlarmAreaModel.Param(a.parameter(), "");
    }

    private void updateDevices(List<DeviceInfo> infos, Map<String, ConnectionState> states, Map<String, String> problems) {
        Map<String, org.vigil.domain.DeviceIdentity> identities = feed.deviceIdentities();
        List<DeviceRow> fresh = new ArrayList<>(infos.size());
        for (DeviceInfo d : infos) {
            fresh.add(new DeviceRow(d.id(), d.label(), d.endpoint(), states.get(d.id()), problems.get(d.id()),
                    identities.get(d.id())));
        }
        if (!fresh.equals(devices)) {
            devices.setAll(fresh);
        }
    }

    /** Acknowledges every active alarm of this chair as the current user. */
    void acknowledge() {
        feed.acknowledge(user.get());
    }

    /** Pauses this chair's alarm audio as the current user. */
    void pauseAudio() {
        feed.pauseAudio(user.get());
    }

    /** Sets the baseline from the last two cuff readings and shows the result for a few seconds. */
    void setBaseline() {
        showBaselineResult(feed.setBaselineFromLastCuffReadings(user.get()));
    }

    /** Shows what became of a baseline the nurse asked for, for a few seconds (the whole story as a tooltip). */
    void showBaselineResult(BaselineChange c) {
        baselineResult.set(resultText(c));
        baselineResultDetail.set(c.accepted() ? resultText(c) + ", " + c.source() : c.refusal());
        baselineResultUntil = lastFrameNanos + BASELINE_RESULT_NANOS;
    }

    /**
     * One short line under the button: {@code "Baseline 124/78 set (last 2 cuffs)"}, {@code "(typed)"},
     * {@code "(2 picked)"}, or why it was refused.
     */
    static String resultText(BaselineChange c) {
        if (!c.accepted()) {
            return c.refusal();
        }
        Baseline b = c.baseline();
        String how = "typed".equals(c.source()) ? "typed" : c.source().startsWith("from the chosen") ? "2 picked" : "last 2 cuffs";
        return "Baseline " + Formats.threshold(b.sys()) + '/' + Formats.threshold(b.dia()) + " set (" + how + ")";
    }

    ChairFeed feed() {
        return feed;
    }

    Supplier<Actor> user() {
        return user;
    }

    TileModel heart() {
        return heart;
    }

    TileModel spo2() {
        return spo2;
    }

    TileModel nibp() {
        return nibp;
    }

    TileModel rr() {
        return rr;
    }

    AlarmAreaModel alarmArea() {
        return alarmArea;
    }

    ObservableList<DeviceRow> devices() {
        return devices;
    }

    TrendStore trends() {
        return trends;
    }

    LongProperty trendVersionProperty() {
        return trendVersion;
    }

    IntegerProperty trendSpanMinutesProperty() {
        return trendSpanMinutes;
    }

    StringProperty chairLabelProperty() {
        return chairLabel;
    }

    StringProperty sessionTimeProperty() {
        return sessionTime;
    }

    StringProperty clockProperty() {
        return clock;
    }

    BooleanProperty simulatedProperty() {
        return simulated;
    }

    StringProperty baselineResultProperty() {
        return baselineResult;
    }

    /** The last baseline result in full (values, how it was set, or why not). */
    StringProperty baselineResultDetailProperty() {
        return baselineResultDetail;
    }

    /** The header's "alarm off" indication ("1 alarm off: HR > 120"); empty while every alarm is on. */
    StringProperty alarmsOffProperty() {
        return alarmsOff;
    }
}
