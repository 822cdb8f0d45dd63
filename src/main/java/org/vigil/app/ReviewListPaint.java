package org.vigil.app;

import java.util.List;
import org.vigil.review.SessionRow;

/** First paint of the review's session list (needs a display); filled in with the list screen. */
final class ReviewListPaint {

    private ReviewListPaint() {
    }

    static double firstPaintMs(List<SessionRow> rows) {
        return Double.NaN;
    }
}
