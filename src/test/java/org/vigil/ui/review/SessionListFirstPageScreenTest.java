package org.vigil.ui.review;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditSink;
import org.vigil.review.SessionArchive;
import org.vigil.storage.EndReason;
import org.vigil.storage.NewSession;
import org.vigil.storage.SessionDevice;
import org.vigil.storage.VigilDatabase;
import org.vigil.testsupport.ArchiveFixture;

/**
 * The session list in a window draws its first page of rows while the rest is still to be read:
 * the query thread is held here, one task at a time.
 */
@ExtendWith(ApplicationExtension.class)
class SessionListFirstPageScreenTest {

    private static final int SESSIONS = SessionListModel.FIRST_PAGE + 50;
    private final BlockingQueue<Runnable> queries = new LinkedBlockingQueue<>();
    private Path dir;
    private VigilDatabase db;
    private ReviewPane pane;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("review-first-page");
        db = ArchiveFixture.open(dir);
        for (int i = 0; i < SESSIONS; i++) {
            Instant start = ArchiveFixture.T0.plusSeconds(60L * i);
            long id = db.sessions().startSession(new NewSession("chair1", start, "test", true,
                    List.of(new SessionDevice("mon", "Monitor", "ivy", "/dev/null"))));
            db.sessions().endSession(id, start.plusSeconds(50), EndReason.CLOSED);
        }
        SessionArchive archive = new SessionArchive(db);
        pane = new ReviewPane(new ReviewContext(() -> Optional.of(archive), AuditSink.NONE, () -> Actor.SYSTEM,
                InstantSource.system(), queries::add, ZoneOffset.UTC));
        stage.setScene(new Scene(pane.root(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            pane.root().getScene().getWindow().hide();
            return null;
        });
        db.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }

    @Test
    void theFirstPageIsDrawnBeforeTheRestIsRead(FxRobot robot) throws Exception {
        fx(() -> {
            pane.shown();
            return null;
        });
        TableView<?> table = fx(() -> robot.lookup("#reviewSessions").queryAs(TableView.class));
        assertThat(fx(() -> ((Label) table.getPlaceholder()).getText())).isEqualTo("Reading the sessions…");

        queries.poll(5, SECONDS).run(); // the first page, on this thread as on the query thread
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> table.getItems().size())).isEqualTo(SessionListModel.FIRST_PAGE);
        long drawn = fx(() -> robot.lookup("#reviewSessions .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() != null && r.isVisible()).count());
        assertThat(drawn).as("rows laid out on screen").isGreaterThan(5);
        assertThat(fx(() -> ((Label) robot.lookup("#reviewListStatus").query()).getText()))
                .isEqualTo(SESSIONS + " sessions");
        assertThat(queries).as("the rest is asked for, not read yet").hasSize(1);
        assertThat(fx(() -> pane.listModel().completeProperty().get())).isFalse();

        queries.poll(5, SECONDS).run();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> table.getItems().size())).isEqualTo(SESSIONS);
        assertThat(fx(() -> pane.listModel().completeProperty().get())).isTrue();
    }
}
