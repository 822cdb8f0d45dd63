package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.chair.StationFeed;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;

/** The audit trail's button appears in admin mode only and opens the read-only table, asked as the admin. */
@ExtendWith(ApplicationExtension.class)
class AuditTrailScreenTest {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private final List<Actor> askedBy = new CopyOnWriteArrayList<>();
    private AdminModel admin;

    private final AuditTrailSource source = new AuditTrailSource() {
        @Override
        public List<Row> read(Actor actor, Query query) {
            askedBy.add(actor);
            return List.of(new Row(1, T0, "station (system)", "station", "system", "station.started", "", "{}"),
                    new Row(2, T0.plusSeconds(5), "Ann (u-ann)", "nurse", "login", "session.viewed", "session:7", "{}"));
        }

        @Override
        public int exportCsv(Actor actor, Query query, Path file) {
            return 2;
        }
    };

    @Start
    void start(Stage stage) {
        FakeChairFeed feed = new FakeChairFeed();
        feed.id = "c1";
        feed.label = "Chair 1";
        admin = new AdminModel(new FakeStationAdmin(), new FakeSignIn(), InstantSource.system());
        stage.setScene(StationWindow.createScene(List.of(feed), StationFeed.NONE,
                () -> org.vigil.testsupport.TestActors.nurse("Ann"), admin, SessionContext.none(),
                org.vigil.ui.review.ReviewContext.none(), null, source));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }

    @Test
    void onlyTheAdminSeesTheButtonAndTheTrailOpensReadOnlyWithItsRows(FxRobot robot) throws Exception {
        assertFalse(fx(() -> robot.lookup("#navAudit").query().isVisible()), "hidden from the nurse");
        assertTrue(fx(() -> admin.logIn("carol", FakeSignIn.ADMIN_PIN).isEmpty()));
        assertTrue(fx(() -> robot.lookup("#navAudit").query().isVisible()), "shown in admin mode");
        robot.clickOn("#navAudit");
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> robot.lookup("#auditTable").tryQuery().isPresent()
                && fx(() -> robot.lookup("#auditTable").queryAs(TableView.class).getItems().size()) == 2);
        TableView<?> table = robot.lookup("#auditTable").queryAs(TableView.class);
        assertFalse(fx(table::isEditable), "read-only");
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> "2 entries".equals(fx(() -> ((Labeled) robot.lookup("#auditStatus").query()).getText())));
        assertEquals(Role.ADMIN, askedBy.get(0).role(), "asked as the admin");
        assertTrue(askedBy.get(0).name().startsWith("carol"), askedBy.get(0).name());
    }
}
