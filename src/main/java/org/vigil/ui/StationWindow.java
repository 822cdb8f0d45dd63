package org.vigil.ui;

import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import org.vigil.chair.ChairFeed;
import org.vigil.chair.StationAdmin;
import org.vigil.chair.StationFeed;

/**
 * Builds the station window's scene: one chair fills the window; several chairs get one tab
 * each, and a tab whose chair has an alarm shows it in the alarm's colour (and flashing) so an
 * alarm on a chair not in view is never hidden. Every chair screen keeps running in its tab.
 * Above them, the station strip shows the station-wide alarms (alarm audio unavailable,
 * recording failed) once; they never colour a chair's tab, being no chair's alarm.
 */
public final class StationWindow {

    /** The size the screen is designed for. */
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    private StationWindow() {
    }

    /** A scene showing {@code feeds} with the default user name. Call on the FX thread. */
    public static Scene createScene(List<ChairFeed> feeds) {
        return createScene(feeds, () -> ChairScreen.DEFAULT_USER);
    }

    /** A scene showing {@code feeds}; {@code user} names who clicks; admin actions disabled. Call on the FX thread. */
    public static Scene createScene(List<ChairFeed> feeds, Supplier<String> user) {
        return createScene(feeds, user, StationAdmin.DISABLED, InstantSource.system());
    }

    /**
     * A scene showing {@code feeds}; {@code user} names who clicks; {@code admin} checks the admin PIN
     * and saves clinic defaults; {@code clock} times the admin's automatic logoff. One admin mode
     * holds for every chair of the window. Call on the FX thread.
     */
    public static Scene createScene(List<ChairFeed> feeds, Supplier<String> user, StationAdmin admin, InstantSource clock) {
        return createScene(feeds, StationFeed.NONE, user, admin, clock);
    }

    /**
     * As {@link #createScene(List, Supplier, StationAdmin, InstantSource)}, with the station strip
     * showing {@code station}'s station-wide alarms above the chairs, once for all of them.
     */
    public static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<String> user, StationAdmin admin,
            InstantSource clock) {
        return createScene(feeds, station, user, new AdminModel(admin, clock));
    }

    static Scene createScene(List<ChairFeed> feeds, Supplier<String> user, AdminModel admin) {
        return createScene(feeds, StationFeed.NONE, user, admin);
    }

    static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<String> user, AdminModel admin) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(admin, "admin");
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("no chair to show");
        }
        Node chairs;
        if (feeds.size() == 1) {
            chairs = new ChairScreen(feeds.get(0), user, ZoneId.systemDefault(), admin).root();
        } else {
            TabPane tabs = new TabPane();
            tabs.setId("chairTabs");
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            for (ChairFeed f : feeds) {
                tabs.getTabs().add(tab(new ChairScreen(f, user, ZoneId.systemDefault(), admin)));
            }
            tabs.getStylesheets().add(ChairScreen.class.getResource("vigil.css").toExternalForm());
            tabs.getStyleClass().add("chair-tabs");
            chairs = tabs;
        }
        // the station strip sits above the chairs' tabs, so every chair's screen shows it
        BorderPane root = new BorderPane(chairs);
        root.setTop(new StationStrip(new StationStripModel(station, user)).root());
        root.getStylesheets().add(ChairScreen.class.getResource("vigil.css").toExternalForm());
        root.setStyle("-fx-background-color: black;");
        Scene scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.setFill(Color.BLACK);
        return scene;
    }

    private static Tab tab(ChairScreen screen) {
        Label title = new Label(screen.feed().chairLabel());
        title.getStyleClass().add("chair-tab-title");
        AlarmAreaModel m = screen.viewModel().alarmArea();
        AlarmStyles.bind(title, m.highestProperty(), m.flashOnProperty());
        Tab tab = new Tab();
        tab.setGraphic(title);
        tab.setContent(screen.root());
        tab.setId("tab-" + screen.feed().chairId());
        return tab;
    }
}
