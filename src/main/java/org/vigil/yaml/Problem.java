package org.vigil.yaml;

/**
 * One problem found in a file.
 *
 * @param file the file name printed (not a full path)
 * @param line 1-based line, 0 when unknown
 * @param path the key path ({@code chairs[0].id}), empty when the reason names its key itself
 * @param reason what is wrong
 */
public record Problem(String file, int line, String path, String reason) {

    /** {@code file:line: path: reason}, or {@code file:line: reason} without a path. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + reason;
    }
}
