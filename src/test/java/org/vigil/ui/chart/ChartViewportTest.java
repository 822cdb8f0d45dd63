package org.vigil.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChartViewportTest {

    static final long H = 3_600_000;
    private final ChartViewport vp = new ChartViewport();

    ChartViewportTest() {
        vp.setWidth(1000);
        vp.setDataRange(0, 8 * H);
    }

    @Test
    void firstDataRangeShowsEverything() {
        assertEquals(0, vp.start());
        assertEquals(8 * H, vp.end());
        assertEquals(28_800.0, vp.millisPerPixel(), 1e-9);
    }

    @Test
    void zoomKeepsTheAnchorUnderThePointer() {
        double x = 250;
        long before = vp.timeAt(x);
        vp.zoomAtPixel(4, x);
        assertEquals(2 * H, vp.span());
        assertEquals(before, vp.timeAt(x), 10);
        vp.zoomAtPixel(0.5, 700);
        assertEquals(4 * H, vp.span());
    }

    @Test
    void zoomStopsAtTheMinimumSpanAndAtTheDataSpan() {
        vp.zoomCentre(1e9);
        assertEquals(ChartViewport.DEFAULT_MIN_SPAN_MILLIS, vp.span());
        vp.zoomCentre(1e-9);
        assertEquals(8 * H, vp.span());
        assertEquals(0, vp.start());
    }

    @Test
    void panMovesAndClampsAtTheEdges() {
        vp.zoomCentre(8); // one hour in the middle
        long start = vp.start();
        vp.panFraction(0.1);
        assertEquals(start + H / 10, vp.start());
        vp.panPixels(100); // dragging right shows earlier data
        assertEquals(start + H / 10 - 100 * H / 1000, vp.start());
        vp.panMillis(-100 * H);
        assertEquals(0, vp.start());
        assertEquals(H, vp.span());
        vp.panMillis(100 * H);
        assertEquals(8 * H, vp.end());
        assertEquals(H, vp.span());
    }

    @Test
    void homeEndAndJumpToKeepTheSpan() {
        vp.zoomCentre(8);
        vp.toEnd();
        assertEquals(8 * H, vp.end());
        vp.toStart();
        assertEquals(0, vp.start());
        vp.jumpTo(5 * H);
        assertEquals(5 * H - H / 2, vp.start());
        assertEquals(5 * H + H / 2, vp.end());
        vp.jumpTo(8 * H - 1000); // near the end: clamped, not centred past the data
        assertEquals(8 * H, vp.end());
    }

    @Test
    void pixelAndTimeConvertBothWays() {
        vp.show(H, 2 * H);
        assertEquals(0, vp.xOf(H), 1e-9);
        assertEquals(1000, vp.xOf(2 * H), 1e-9);
        assertEquals(H + H / 2, vp.timeAt(500));
    }

    @Test
    void listenersHearMovesAndWidthButNotNoOps() {
        List<long[]> heard = new ArrayList<>();
        vp.addListener((s, e, w) -> heard.add(new long[] {s, e, w}));
        vp.showAll(); // already showing everything
        assertTrue(heard.isEmpty());
        vp.zoomCentre(2);
        vp.setWidth(800);
        vp.setWidth(800);
        assertEquals(2, heard.size());
        assertEquals(800, heard.get(1)[2]);
        assertEquals(2 * H, heard.get(0)[0]);
    }

    @Test
    void aNewDataRangeKeepsTheWindowWhereItWas() {
        vp.show(H, 2 * H);
        vp.setDataRange(0, 9 * H);
        assertEquals(H, vp.start());
        assertEquals(2 * H, vp.end());
        vp.setDataRange(0, 90 * 60_000L); // shorter data: the window is clamped into it
        assertEquals(30 * 60_000L, vp.start());
        assertEquals(90 * 60_000L, vp.end());
    }

    @Test
    void shortDataNeverZoomsOutPastItsSpanNorInPastItsLength() {
        ChartViewport small = new ChartViewport();
        small.setWidth(500);
        small.setDataRange(0, 5_000);
        small.zoomCentre(100);
        assertEquals(5_000, small.span(), "data shorter than the minimum span: shown whole");
        assertFalse(small.span() > 5_000);
    }

    @Test
    void randomZoomsAndPansStayInsideTheData() {
        Random r = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            switch (r.nextInt(5)) {
                case 0 -> vp.zoomAtPixel(Math.exp(r.nextGaussian()), r.nextDouble() * 1000);
                case 1 -> vp.panPixels(r.nextGaussian() * 500);
                case 2 -> vp.jumpTo((long) (r.nextDouble() * 10 * H) - H);
                case 3 -> vp.panFraction(r.nextGaussian());
                default -> vp.show(r.nextLong() % (10 * H), r.nextLong() % (10 * H));
            }
            assertTrue(vp.start() >= 0 && vp.end() <= 8 * H, "inside the data at step " + i);
            assertTrue(vp.span() >= ChartViewport.DEFAULT_MIN_SPAN_MILLIS, "span at step " + i);
        }
    }
}
