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

    // written out, as SessionRow's: a record's generated equals is linked at its first call (about 0.1 s)

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ListedSession l && row.equals(l.row) && Objects.equals(date, l.date)
                && Objects.equals(patient, l.patient) && Objects.equals(chair, l.chair)
                && Objects.equals(duration, l.duration) && Objects.equals(dose, l.dose)
                && Objects.equals(peakSys, l.peakSys) && Objects.equals(minSpo2, l.minSpo2)
                && Objects.equals(alarms, l.alarms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(row, date, patient, chair, duration, dose, peakSys, minSpo2, alarms);
    }
}
