package org.vigil.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of a YAML file before it is parsed, checked so that no file can hang the parser or
 * turn into an exception: at most {@value #MAX_BYTES} bytes, strict UTF-8, no line longer than
 * {@value #MAX_LINE_CHARS} characters. A station, clinic-limits or scenario file is a few
 * kilobytes; anything near these bounds is not one. A refusal is added to {@link Problems} as
 * {@code file:line: reason} ({@code file: reason} when it has no line), e.g.
 * {@code station.yaml:3: not UTF-8 text (byte 0xE9 at offset 27)}.
 */
public final class YamlText {

    /** The largest file read, in bytes (1 MiB). */
    public static final int MAX_BYTES = 1 << 20;
    /** The longest line read, in characters. */
    public static final int MAX_LINE_CHARS = 4096;

    private YamlText() {
    }

    /**
     * The text of {@code file}, or null when it is refused (the problem was added). The size is
     * checked before a byte is decoded, and never more than {@link #MAX_BYTES} + 1 bytes are read.
     *
     * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException} when absent)
     */
    public static String read(Path file, Problems problems) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            problems.add(0, tooLarge(size));
            return null;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            problems.add(0, tooLarge(bytes.length));
            return null;
        }
        return decode(bytes, problems);
    }

    /** {@code bytes} as strict UTF-8 text within the bounds, or null when refused (the problem was added). */
    public static String decode(byte[] bytes, Problems problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(0, tooLarge(bytes.length));
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int offset = Math.min(in.position(), bytes.length - 1);
            problems.add(lineAt(bytes, offset), String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X at offset %d)",
                    bytes[offset] & 0xff, offset));
            return null;
        }
        out.flip();
        return checked(out.toString(), problems);
    }

    /**
     * The text read from {@code in} within the bounds, or null when refused (the problem was
     * added). Reads at most {@link #MAX_BYTES} + 1 characters.
     */
    public static String read(Reader in, Problems problems) throws IOException {
        StringBuilder sb = new StringBuilder(8192);
        char[] buf = new char[8192];
        for (int n; (n = in.read(buf)) > 0;) {
            sb.append(buf, 0, n);
            if (sb.length() > MAX_BYTES) {
                problems.add(0, "too large: more than " + MAX_BYTES
                        + " characters (a configuration or scenario file is at most " + MAX_BYTES + " bytes)");
                return null;
            }
        }
        return checked(sb.toString(), problems);
    }

    /** {@code text} when no line is longer than {@link #MAX_LINE_CHARS}; else null (the problem was added). */
    static String checked(String text, Problems problems) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int length = i - start;
                if (length > MAX_LINE_CHARS) {
                    problems.add(line, "line is " + length + " characters long (at most " + MAX_LINE_CHARS + ")");
                    return null;
                }
                line++;
                start = i + 1;
            }
        }
        return text;
    }

    private static String tooLarge(long size) {
        return "too large: " + size + " bytes (a configuration or scenario file is at most " + MAX_BYTES + " bytes)";
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
