package org.vigil.ui;

import java.time.ZoneOffset;
import org.vigil.domain.Vital;
import org.vigil.chair.ChairFeed;

/**
 * A chair's screen model without a window, for the memory benchmark: the same view model a
 * {@link ChairScreen} drives (numerics, tiles, alarm area, trend stores), called once per frame
 * by the caller on its own thread. No JavaFX toolkit is needed.
 */
public final class ScreenMemoryProbe {

    private final ChairViewModel vm;

    public ScreenMemoryProbe(ChairFeed feed) {
        this.vm = new ChairViewModel(feed, () -> ChairScreen.DEFAULT_USER, ZoneOffset.UTC);
    }

    /** One frame: drains the chair's readings into the screen model, as the frame loop does. */
    public void frame(long frameNanos) {
        vm.onFrame(frameNanos);
    }

    /** Points the chair's trends hold (HR, PR, SpO2, NIBP measurements). */
    public int trendPoints() {
        TrendStore t = vm.trends();
        return t.series(Vital.HR).size() + t.series(Vital.PR).size() + t.series(Vital.SPO2).size() + t.nibp().size();
    }

    /** Whether the heart-rate or SpO2 tile shows a number. */
    public boolean showsNumbers() {
        return isNumber(vm.heart().valueProperty().get()) || isNumber(vm.spo2().valueProperty().get());
    }

    private static boolean isNumber(String s) {
        return s != null && !s.isBlank() && Character.isDigit(s.charAt(0));
    }
}
