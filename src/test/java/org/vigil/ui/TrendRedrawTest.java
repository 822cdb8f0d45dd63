package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.domain.Vital;

/** Trend charts redraw only when their data changed, however many frames pass. */
@ExtendWith(ApplicationExtension.class)
class TrendRedrawTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private final AtomicInteger frames = new AtomicInteger();

    @Start
    void start(Stage stage) {
        for (int s = 0; s < 2 * 3600; s++) {
            feed.addHistory(FakeChairFeed.reading(s, Vital.HR, 70 + s % 20));
            feed.addHistory(FakeChairFeed.reading(s, Vital.SPO2, 95 + s % 4));
        }
        feed.at(2 * 3600);
        stage.setScene(StationWindow.createScene(List.of(feed)));
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.incrementAndGet();
            }
        }.start();
    }

    @Test
    void chartsRedrawOnlyAfterNewData(FxRobot robot) throws Exception {
        TrendCanvas heart = robot.lookup("#trendHEART").queryAs(TrendCanvas.class);
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(heart::redraws) > 0);
        assertEquals(7200, fx(() -> heart.trendsForTest().series(Vital.HR).size()));
        int drawn = fx(heart::redraws);
        int seen = frames.get();
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> frames.get() >= seen + 10);
        assertEquals(drawn, fx(heart::redraws), "no new data, no redraw");

        feed.push(2 * 3600 + 1, Vital.HR, 88).at(2 * 3600 + 1);
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(heart::redraws) > drawn);
        int after = fx(heart::redraws);
        int seen2 = frames.get();
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> frames.get() >= seen2 + 10);
        assertEquals(after, fx(heart::redraws));
        assertTrue(after - drawn <= 2, "one reading, at most one redraw per frame it touched");
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }
}
