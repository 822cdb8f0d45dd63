package org.vigil.sim.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test support for comparing ANSAR-B messages by their parameter lines: the text part of a
 * message, and the field-by-field differences between two messages' lines.
 */
final class AnsarBText {

    static final int TEXT_OFFSET = 409;
    static final int CAPTURE_LEAD = 252;
    static final int CAPTURE_MESSAGE = 562;

    private AnsarBText() {
    }

    /** The first complete message of the real capture. */
    static byte[] firstCaptureMessage() {
        try (InputStream in = AnsarBText.class.getResourceAsStream("/captures/ivy/Ivy450C.1.data")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource captures/ivy/Ivy450C.1.data");
            }
            byte[] all = in.readAllBytes();
            return Arrays.copyOfRange(all, CAPTURE_LEAD, CAPTURE_LEAD + CAPTURE_MESSAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CR-terminated lines of a message's text part, without their CR. */
    static List<String> lines(byte[] message) {
        String text = new String(message, TEXT_OFFSET, message.length - TEXT_OFFSET - 1, StandardCharsets.US_ASCII);
        if (!text.endsWith("\r")) {
            throw new AssertionError("text does not end with CR: " + text);
        }
        return List.of(text.substring(0, text.length() - 1).split("\r", -1));
    }

    /**
     * Where {@code actual}'s lines differ from {@code expected}'s, one entry per field, as
     * {@code "NAME value 2: '73' -> ''"} or {@code "NAME label: 'X' -> 'Y'"}. Lines must come in
     * the same order with the same names and value counts, else that is reported instead.
     */
    static List<String> fieldDifferences(List<String> expected, List<String> actual) {
        List<String> diffs = new ArrayList<>();
        if (expected.size() != actual.size()) {
            diffs.add("line count: " + expected.size() + " -> " + actual.size());
            return diffs;
        }
        for (int i = 0; i < expected.size(); i++) {
            String[] e = fields(expected.get(i));
            String[] a = fields(actual.get(i));
            if (!e[0].equals(a[0]) || e.length != a.length) {
                diffs.add("line " + (i + 1) + ": '" + expected.get(i) + "' -> '" + actual.get(i) + "'");
                continue;
            }
            for (int f = 1; f < e.length; f++) {
                if (!e[f].equals(a[f])) {
                    String what = f == e.length - 1 ? "label" : "value " + f;
                    diffs.add(name(e[0]) + " " + what + ": '" + e[f] + "' -> '" + a[f] + "'");
                }
            }
        }
        return diffs;
    }

    /** {@code NAME=n;v1;..;vn;label;} as {@code [NAME=n, v1, .., vn, label]}. */
    private static String[] fields(String line) {
        if (!line.endsWith(";")) {
            throw new AssertionError("line does not end with ';': " + line);
        }
        return line.substring(0, line.length() - 1).split(";", -1);
    }

    private static String name(String head) {
        return head.substring(0, head.indexOf('='));
    }
}
