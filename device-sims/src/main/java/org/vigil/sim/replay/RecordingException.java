package org.vigil.sim.replay;

/**
 * A numerics file could not be read. The message names the place as {@code file:line:column: reason}
 * (column 0 when the whole line is wrong), e.g. {@code s1.csv:12:2: 'abc' is not a number (HR[bpm])}.
 */
public final class RecordingException extends Exception {

    private final String source;
    private final int line;
    private final int column;

    RecordingException(String source, int line, int column, String reason) {
        super(source + ":" + line + ":" + column + ": " + reason);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    /** 1-based line; the header is line 1. */
    public int line() {
        return line;
    }

    /** 1-based column (field), or 0 when the error concerns the whole line. */
    public int column() {
        return column;
    }
}
