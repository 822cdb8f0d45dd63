package org.vigil.config;

/** Where {@link ConfigLoader#resolve} found the configuration, in the order it looks. */
public enum ConfigOrigin {
    /** The file named on the command line. */
    EXPLICIT("given on the command line"),
    /** {@code ./config/station.yaml} in the working folder. */
    WORKING_DIR("found in the working folder"),
    /** {@code station.yaml} in the per-user configuration folder. */
    USER_CONFIG("found in the user configuration folder"),
    /** No file: the built-in simulated station. */
    BUILT_IN("built-in");

    private final String text;

    ConfigOrigin(String text) {
        this.text = text;
    }

    /** A few words for the start-up line, e.g. {@code found in the working folder}. */
    public String text() {
        return text;
    }
}
