package org.vigil.app;

import java.util.Locale;

/** What to tell a newcomer when the window toolkit cannot start, in one line. */
final class WindowToolkit {

    /** Exit code when the station window cannot be shown (no session is written). */
    static final int EXIT_NO_WINDOW = 3;

    private WindowToolkit() {
    }

    /** The one line to print for {@code failure}, thrown while starting the toolkit. */
    static String explain(Throwable failure) {
        String all = messages(failure);
        String lower = all.toLowerCase(Locale.ROOT);
        if (lower.contains("gtk")) {
            return "vigil: cannot open the station window: the GTK 3 library is missing"
                    + " (install it: sudo apt-get install libgtk-3-0; or monitor without a screen: vigil record)";
        }
        if (lower.contains("unable to open display") || lower.contains("cannot open display")) {
            return "vigil: cannot open the station window: the display cannot be reached (check DISPLAY;"
                    + " or monitor without a screen: vigil record)";
        }
        return "vigil: cannot open the station window: " + (all.isEmpty() ? failure.toString() : all)
                + " (details in the log file)";
    }

    private static String messages(Throwable failure) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                if (b.length() > 0) {
                    b.append(": ");
                }
                b.append(t.getMessage().strip().lines().findFirst().orElse(""));
            }
        }
        return b.toString();
    }
}
