package org.vigil.ui.review;

import java.util.Objects;
import org.vigil.review.SessionRow;

/**
 * One line of the session list: the session and the texts of its columns, made once when the page
 * is read (on the review's query thread), so a table cell only shows a string.
 */
public record ListedSession(SessionRow row, String date, String patient, String chair, String duration, String dose,
        String peakSys, String minSpo2, String alarms) {

    public ListedSession {
        Objects.requireNonNull(row, "row");
    }
}
