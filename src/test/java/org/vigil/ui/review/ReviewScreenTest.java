package org.vigil.ui.review;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.domain.AuditEntry;
import org.vigil.review.SessionArchive;
import org.vigil.storage.VigilDatabase;
import org.vigil.testsupport.ArchiveFixture;
import org.vigil.ui.chart.ChartViewport;

/** The Review screen in a window: the list's filter, opening a session, the list beside the chart moving it. */
@ExtendWith(ApplicationExtension.class)
class ReviewScreenTest {

    private Path dir;
    private VigilDatabase db;
    private ReviewPane pane;
    private final List<AuditEntry> audit = java.util.Collections.synchronizedList(new ArrayList<>());

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("review-screen");
        db = ArchiveFixture.open(dir);
        ArchiveFixture.session(db, ArchiveFixture.patient(db, "M1", "Doe, Jane"), "chair1", ArchiveFixture.T0, 60);
        ArchiveFixture.session(db, ArchiveFixture.patient(db, "M2", "Berg, Ada"), "chair2",
                ArchiveFixture.T0.plus(Duration.ofDays(1)), 60);
        SessionArchive archive = new SessionArchive(db);
        ReviewContext context = ReviewContext.of(() -> Optional.of(archive), audit::add,
                () -> ReviewContext.typedName("carol", java.time.Instant.now()), InstantSource.system(), ZoneOffset.UTC);
        pane = new ReviewPane(context);
        stage.setScene(new Scene(pane.root(), 1200, 760));
        stage.show();
        pane.shown();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            pane.root().getScene().getWindow().hide();
            return null;
        });
        db.close();
    }

    @Test
    void typingAPatientNameFiltersTheList(FxRobot robot) throws Exception {
        TableView<?> table = fx(() -> robot.lookup("#reviewSessions").queryAs(TableView.class));
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(() -> table.getItems().size() == 2));
        robot.clickOn("#reviewPatientFilter").write("berg");
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(() -> table.getItems().size() == 1));
        assertThat(fx(() -> ((Label) robot.lookup("#reviewListStatus").query()).getText())).isEqualTo("1 session");
        robot.doubleClickOn("#reviewPatientFilter").eraseText(4).write("nobody");
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(() -> table.getItems().isEmpty()));
        assertThat(audit).as("listing opens no session").isEmpty();
    }

    @Test
    void openingASessionShowsItsChartAndTheListBesideItMovesTheChart(FxRobot robot) throws Exception {
        TableView<?> table = fx(() -> robot.lookup("#reviewSessions").queryAs(TableView.class));
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(() -> table.getItems().size() == 2));
        Node firstRow = fx(() -> robot.lookup("#reviewSessions .table-row-cell").nth(1).query());
        robot.doubleClickOn(firstRow);
        Node page = fx(() -> robot.lookup("#reviewSessionPage").query());
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(page::isVisible));
        Label title = fx(() -> robot.lookup("#reviewTitle").queryAs(Label.class));
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(() -> title.getText().contains("Doe, Jane")));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).actor().name()).isEqualTo("carol");

        ListView<?> rows = fx(() -> robot.lookup("#reviewRows").queryAs(ListView.class));
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(() -> rows.getItems().size() > 5));
        ChartViewport v = pane.reviewModel().viewport();
        long whole = fx(v::span);
        // zoom in with the keyboard on the chart, then pick the alarm in the list: the chart goes there
        robot.clickOn("#reviewChart");
        robot.type(KeyCode.ADD);
        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> v.span() < whole));
        int alarm = fx(() -> {
            for (int i = 0; i < pane.reviewModel().rows().size(); i++) {
                if (pane.reviewModel().rows().get(i).isAlarm()) {
                    rows.scrollTo(i);
                    return i;
                }
            }
            return -1;
        });
        assertThat(alarm).isGreaterThanOrEqualTo(0);
        long at = fx(() -> pane.reviewModel().rows().get(alarm).time());
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = fx(() -> robot.lookup("#reviewRows .list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getIndex() == alarm).query());
        robot.clickOn(cell);
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> v.start() <= at && at <= v.end()));
        String readout = fx(() -> ((Label) robot.lookup("#reviewReadout").query()).getText());
        assertThat(readout).contains("!!! SpO2 71").contains("HR");
        robot.clickOn("#reviewBack");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> table.isVisible() || table.getParent().isVisible()));
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, SECONDS);
    }
}
