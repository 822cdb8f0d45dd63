package org.vigil.session;

import java.util.List;

/** What became of a nurse's or prescriber's command: done, or refused with every reason. */
public record ActionResult(boolean done, List<String> reasons) {

    public ActionResult {
        reasons = List.copyOf(reasons);
    }

    public static ActionResult ok() {
        return new ActionResult(true, List.of());
    }

    public static ActionResult refused(List<String> reasons) {
        return new ActionResult(false, reasons);
    }

    public static ActionResult refused(String reason) {
        return new ActionResult(false, List.of(reason));
    }

    /** The reasons as one line, "; " between them. */
    public String reasonText() {
        return String.join("; ", reasons);
    }
}
