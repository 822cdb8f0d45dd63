package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.chair.StationFeed;
import org.vigil.review.SessionArchive;
import org.vigil.storage.VigilDatabase;
import org.vigil.testsupport.ArchiveFixture;
import org.vigil.ui.review.ReviewContext;

/**
 * The Review's session list is read and laid out hidden after a login, so the first click on
 * Review finds it there; locking empties it again (past patients' names never stay in the scene
 * graph at the lock screen).
 */
@ExtendWith(ApplicationExtension.class)
class ReviewListAtLoginTest {

    private final FakeSignIn accounts = new FakeSignIn();
    private final Instant now = FakeChairFeed.START.plusSeconds(60);
    private Path dir;
    private VigilDatabase db;
    private LockModel lock;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("review-login");
        db = ArchiveFixture.open(dir);
        ArchiveFixture.session(db, ArchiveFixture.patient(db, "M2", "Berg, Ada"), "chair1", ArchiveFixture.T0, 30);
        SessionArchive archive = new SessionArchive(db);
        ActingUser user = new ActingUser(() -> now);
        lock = new LockModel(user, () -> accounts, () -> now, Duration.ofMinutes(5), Runnable::run, Runnable::run);
        ReviewContext review = ReviewContext.of(() -> Optional.of(archive), org.vigil.domain.AuditSink.NONE, user,
                InstantSource.system(), ZoneOffset.UTC);
        stage.setScene(StationWindow.createScene(List.of(new FakeChairFeed()), StationFeed.NONE, user,
                new AdminModel(new FakeStationAdmin(), accounts, () -> now), SessionContext.none(), review, lock));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            stage.hide();
            return null;
        });
        db.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }

    /** Whether a past patient's name is anywhere in the scene graph, shown or not. */
    private boolean holdsPastPatient() throws Exception {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            collect(stage.getScene().getRoot(), out);
            TableView<?> table = (TableView<?>) stage.getScene().lookup("#reviewSessions");
            return out.stream().anyMatch(t -> t.contains("Berg")) || !table.getItems().isEmpty();
        });
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    @Test
    void afterALoginTheListIsReadyHiddenAndLockingEmptiesIt(FxRobot robot) throws Exception {
        assertTrue(fx(() -> lock.locked()));
        assertFalse(holdsPastPatient(), "nothing read at the lock screen");

        assertTrue(fx(() -> lock.logIn("ana", FakeSignIn.NURSE_PASSWORD).join()));
        // no click on Review: the list is read and its rows laid out while the review is hidden
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(() -> robot.lookup(".table-row-cell").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null)));
        assertFalse(fx(() -> robot.lookup("#reviewPane").query().isVisible()));
        assertTrue(holdsPastPatient());

        robot.clickOn("#lockButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> lock.locked()));
        assertFalse(holdsPastPatient(), "locking empties the list");
    }
}
