package org.vigil.app;

import org.vigil.review.SessionArchive;
import org.vigil.ui.StationStage;
import org.vigil.ui.review.ListPaintProbe;

/** First paint of the review's session list (needs a display); the JavaFX toolkit is started here. */
final class ReviewListPaint {

    private ReviewListPaint() {
    }

    /** Median of five first paints after one to warm up (a new window each), ms. */
    static double firstPaintMs(SessionArchive archive) throws Exception {
        StationStage.startToolkit();
        try {
            ListPaintProbe.firstPaintMs(archive);
            double[] runs = new double[5];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = ListPaintProbe.firstPaintMs(archive);
            }
            java.util.Arrays.sort(runs);
            return runs[2];
        } finally {
            StationStage.stopToolkit();
        }
    }
}
