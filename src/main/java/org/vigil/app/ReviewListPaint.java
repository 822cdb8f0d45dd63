package org.vigil.app;

import org.vigil.review.SessionArchive;
import org.vigil.ui.BenchToolkit;
import org.vigil.ui.review.ListPaintProbe;

/** First paint of the review's session list after a click on Review (needs a display); see {@link ListPaintProbe}. */
final class ReviewListPaint {

    /** Clicks on Review after the first one (the median of these is reported). */
    static final int AGAIN = 7;

    private ReviewListPaint() {
    }

    /** Starts the JavaFX toolkit if needed (and leaves it running for the other window figures) and measures. */
    static ListPaintProbe.Result measure(SessionArchive archive) throws Exception {
        BenchToolkit.startOnce();
        return ListPaintProbe.measure(archive, AGAIN);
    }
}
