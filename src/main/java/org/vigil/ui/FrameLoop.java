package org.vigil.ui;

import java.util.List;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one per-screen pulse: updates the view model from the feed, then redraws the trend charts
 * that changed. Runs on the FX thread; a failure in one frame is logged (at most every 10 s) and
 * the next frame tries again, so the screen never freezes silently.
 */
final class FrameLoop extends AnimationTimer {

    private static final Logger log = LoggerFactory.getLogger(FrameLoop.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final ChairViewModel vm;
    private final List<TrendCanvas> charts;
    private final LongConsumer afterFrame;
    private final LongConsumer drawFrame;
    private long lastErrorLog = Long.MIN_VALUE;
    private boolean running;

    FrameLoop(ChairViewModel vm, List<TrendCanvas> charts) {
        this(vm, charts, t -> {
        });
    }

    /** {@code afterFrame} runs after each frame's update (panels, admin logoff). */
    FrameLoop(ChairViewModel vm, List<TrendCanvas> charts, LongConsumer afterFrame) {
        this(vm, charts, afterFrame, t -> {
        });
    }

    /** {@code drawFrame} runs after the charts, only in frames that draw (the sweeping waveform). */
    FrameLoop(ChairViewModel vm, List<TrendCanvas> charts, LongConsumer afterFrame, LongConsumer drawFrame) {
        this.drawFrame = drawFrame;
        this.vm = vm;
        this.charts = List.copyOf(charts);
        this.afterFrame = afterFrame;
    }

    @Override
    public void handle(long now) {
        frame(now, true);
    }

    /** One frame; the charts are redrawn only when {@code draw} (a screen not shown keeps them dirty). */
    void frame(long now, boolean draw) {
        try {
            vm.onFrame(now);
            if (draw) {
                for (TrendCanvas c : charts) {
                    c.redrawIfDirty();
                }
                drawFrame.accept(now);
            }
            afterFrame.accept(now);
        } catch (RuntimeException e) {
            if (lastErrorLog == Long.MIN_VALUE || now - lastErrorLog > LOG_EVERY_NANOS) {
                lastErrorLog = now;
                log.warn("chair screen frame failed", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        super.start();
    }

    @Override
    public void stop() {
        running = false;
        super.stop();
    }

    boolean running() {
        return running;
    }
}
