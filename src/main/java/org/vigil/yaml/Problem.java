package org.vigil.yaml;

/**
 * One problem found in a file.
 *
 * @param file the file name printed (not a full path)
 * @param line 1-based line, 0 when the problem is about the whole file (then not printed)
 * @param path the key path ({@code chairs[0].id}), empty when the reason names its key itself
 * @param reason what is wrong
 */
public record Problem(String file, int line, String path, String reason) {

    /**
     * {@code file:line: path: reason}, or {@code file:line: reason} without a path; {@code file: reason}
     * for line 0.
     */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + reason;
    }
}
