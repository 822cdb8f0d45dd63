package org.vigil.ui.chart;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The painter fills the background only where no lane is: a frame drawn over the one before must
 * come out exactly as the same frame drawn on a fresh canvas (no pixel of the last frame left,
 * lanes with fractional edges included).
 */
@ExtendWith(ApplicationExtension.class)
class ChartRepaintTest {

    static final int W = 1200;
    static final int H = 701; // three lanes of 583 / 3 px: every lane edge falls inside a pixel

    private Canvas reused;
    private Canvas fresh;

    @Start
    void start(Stage stage) {
        reused = new Canvas(W, H);
        fresh = new Canvas(W, H);
        stage.setScene(new Scene(new StackPane(reused, fresh), 400, 300)); // the canvases are read by snapshot
        stage.show();
    }

    @Test
    void aFrameDrawnOverTheLastOneIsTheFrameDrawnAfresh() throws Exception {
        int differing = WaitForAsyncUtils.asyncFx(() -> {
            SyntheticSession s = SyntheticSession.generate(1_767_000_000_000L, 8, 1);
            ChartState st = new ChartState(ZoneId.of("UTC"));
            s.fill(st);
            ChartViewport vp = new ChartViewport();
            vp.setWidth(ChartPainter.plotWidth(W));
            vp.setDataRange(s.start, s.end);
            vp.show(s.start + 3_600_000, s.start + 3 * 3_600_000);
            ChartPainter painter = new ChartPainter();
            painter.paint(reused.getGraphicsContext2D(), W, H, st, vp); // an earlier frame
            vp.panPixels(-250);
            st.setCursor(vp.start() + 600_000);
            painter.paint(reused.getGraphicsContext2D(), W, H, st, vp);
            new ChartPainter().paint(fresh.getGraphicsContext2D(), W, H, st, vp);
            PixelReader a = reused.snapshot(new SnapshotParameters(), new WritableImage(W, H)).getPixelReader();
            PixelReader b = fresh.snapshot(new SnapshotParameters(), new WritableImage(W, H)).getPixelReader();
            int n = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (a.getArgb(x, y) != b.getArgb(x, y)) {
                        n++;
                    }
                }
            }
            return n;
        }).get(30, SECONDS);
        assertEquals(0, differing, "pixels of the earlier frame left on the canvas");
    }
}
