package org.vigil.ui;

import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Who is acting at this station: the one place every screen asks for the name sent with a
 * command. Today it is a name typed in the station's navigation bar ("nurse" until someone types
 * theirs); when user accounts come it becomes the logged-in user, and nothing else changes.
 */
public final class ActingUser implements Supplier<String> {

    /** The name sent when nobody typed one. */
    public static final String DEFAULT = "nurse";

    private final StringProperty name = new SimpleStringProperty(DEFAULT);

    /** The name to send with a command now; never blank. */
    @Override
    public String get() {
        String n = name.get();
        return n == null || n.isBlank() ? DEFAULT : n.trim();
    }

    /** The name as typed (bound to the navigation bar's field). */
    StringProperty nameProperty() {
        return name;
    }
}
