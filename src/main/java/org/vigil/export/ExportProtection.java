package org.vigil.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How an export file is protected: not at all ({@link #NONE}), or with a password. A protected
 * PDF is encrypted with AES-256 by the PDF's own standard security handler (any PDF reader asks
 * for the password); a protected CSV, HL7 or FHIR export is one zip file whose entries are
 * AES-256 encrypted (WinZip AE-2, opened by 7-Zip, WinZip, macOS Archive Utility with
 * 7-Zip support, and {@code unzip} builds with AES). The plain text never touches the disk.
 *
 * <p>The password is held as a {@code char[]} copy that {@link #forget()} overwrites once the
 * export is written. Passwords shorter than {@link #MIN_LENGTH} characters are refused.
 */
public final class ExportProtection {

    /** The shortest password an export may be protected with. */
    public static final int MIN_LENGTH = 8;

    /** No protection: the file is written as it is. */
    public static final ExportProtection NONE = new ExportProtection(null);

    private final char[] password;

    private ExportProtection(char[] password) {
        this.password = password;
    }

    /**
     * Protection with {@code password} (copied).
     *
     * @throws IllegalArgumentException naming the rule the password breaks
     */
    public static ExportProtection withPassword(char[] password) {
        Optional<String> problem = problem(password);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return new ExportProtection(password.clone());
    }

    /** What is wrong with {@code password} for an export, if anything (said the way the dialog and the command line show it). */
    public static Optional<String> problem(char[] password) {
        if (password == null || password.length == 0) {
            return Optional.of("the export password is empty");
        }
        if (password.length < MIN_LENGTH) {
            return Optional.of("the export password needs at least " + MIN_LENGTH + " characters (it has "
                    + password.length + ")");
        }
        for (char c : password) {
            if (Character.isISOControl(c)) {
                return Optional.of("the export password contains a control character");
            }
        }
        return Optional.empty();
    }

    public boolean isProtected() {
        return password != null;
    }

    /** A copy of the password (the caller overwrites it when done); empty for {@link #NONE}. */
    char[] password() {
        return password == null ? new char[0] : password.clone();
    }

    /** Overwrites the password held here; the protection must not be used afterwards. */
    public void forget() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Why {@code out} cannot take a protected export of {@code format}, if it cannot: a protected
     * CSV, HL7 or FHIR export is one encrypted zip, so its file name must end in {@code .zip}.
     */
    public Optional<String> targetProblem(ExportFormat format, java.nio.file.Path out) {
        if (!isProtected() || format == ExportFormat.PDF) {
            return Optional.empty();
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip")) {
            return Optional.of("a password-protected " + format.key() + " export is an encrypted zip file: give a name"
                    + " ending in .zip (" + out.getFileName() + ")");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return isProtected() ? "password-protected" : "unprotected";
    }
}
