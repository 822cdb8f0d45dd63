package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.chair.WaveTrace;
import org.vigil.domain.WaveChunk;
import org.vigil.domain.WaveSegment;

/** The chair screen shows a pleth trace only for a chair whose device sends one, and says when it stops. */
@ExtendWith(ApplicationExtension.class)
class WaveformScreenTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private final WaveTrace trace = new WaveTrace();

    @Start
    void start(Stage stage) {
        feed.pleth = trace;
        stage.setScene(StationWindow.createScene(List.of(feed)));
        stage.show();
    }

    private void packets(double fromSeconds, int count) {
        for (int k = 0; k < count; k++) {
            int[] samples = new int[25];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (int) (128 + 100 * Math.sin((k * 25 + i) * 2 * Math.PI / 60));
            }
            trace.add(new WaveChunk(FakeChairFeed.START.plusMillis(Math.round((fromSeconds + k / 3.0) * 1000)), "ox",
                    WaveSegment.pleth(75, samples, 0, 255)));
        }
    }

    @Test
    void theTraceAppearsSweepsAndSaysWhenThePlethStops(FxRobot robot) throws Exception {
        WaveformCanvas wave = robot.lookup("#plethWave").queryAs(WaveformCanvas.class);
        assertFalse(fx(wave::isVisible), "no pleth yet: no trace, the trends keep the space");
        feed.at(2);
        packets(0, 6);
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(wave::isVisible) && fx(wave::samplesDrawn) > 0);
        long drawn = fx(wave::samplesDrawn);
        packets(2, 30);
        feed.at(12);
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(wave::samplesDrawn) > drawn);
        assertFalse(fx(wave::showsNoSignal));
        feed.at(12 + WaveformCanvas.STALE.toSeconds() + 1);
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(wave::showsNoSignal));
        assertTrue(fx(wave::isVisible), "the trace stays, saying there is no signal");
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }
}
