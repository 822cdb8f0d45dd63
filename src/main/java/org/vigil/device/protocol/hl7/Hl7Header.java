package org.vigil.device.protocol.hl7;

import ca.uhn.hl7v2.Version;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.hl7.Hl7Rejection.ErrorCode;

/**
 * What routing and acknowledging a message need, read from its text without HAPI: the
 * delimiters (MSH-1, MSH-2), MSH-3/4 (echoed in the acknowledgement), MSH-7, MSH-9 (the type,
 * checked), MSH-10 (the control id), MSH-12 (the version, checked) and PV1-3 (the bed).
 *
 * <pre>
 *   MSH | ^~\&amp; | APP | FAC | | | 20260101120000 | | ORU^R01^ORU_R01 | 42 | P | 2.6   EOL
 *   PV1 | | I | ICU^^B-01   EOL        EOL = CR, LF or CR LF
 *   ...
 *    MSH-1 (the field separator) is the 4th character; MSH-2 holds, in order, the component,
 *    repetition, escape and sub-component separators (missing ones: ^ ~ \ &amp;).
 * </pre>
 * PV1-3 is read as HL7 v2 reads a field: its first repetition, cut at the component and
 * sub-component separators, then each part unescaped ({@code \F\ \S\ \T\ \R\ \E\}), so a
 * separator written escaped in a bed name stays in the name. Other fields are kept as sent
 * (already escaped: the acknowledgement copies them back). Scanning is a few string splits, a
 * small fraction of a HAPI parse: the listener reads only this and the chair's decoder parses the
 * message once ({@link Hl7MessageReader}).
 */
final class Hl7Header {

    private final String text;
    private final String[] segments;
    private final char fieldSeparator;
    private final char componentSeparator;
    private final List<String> msh;
    private final Hl7Location location;

    private Hl7Header(String text, String[] segments, char fieldSeparator, char componentSeparator, List<String> msh,
            Hl7Location location) {
        this.text = text;
        this.segments = segments;
        this.fieldSeparator = fieldSeparator;
        this.componentSeparator = componentSeparator;
        this.msh = msh;
        this.location = location;
    }

    /**
     * A message's delimiters: MSH-1, then MSH-2 in order (missing ones take the standard
     * {@code ^ ~ \ &}).
     */
    record Delimiters(char field, char component, char repetition, char escape, char subcomponent) {

        static Delimiters of(char field, String encoding) {
            return new Delimiters(field, at(encoding, 0, '^'), at(encoding, 1, '~'), at(encoding, 2, '\\'),
                    at(encoding, 3, '&'));
        }

        private static char at(String encoding, int i, char otherwise) {
            return encoding.length() > i ? encoding.charAt(i) : otherwise;
        }
    }

    /** The outcome of a scan: exactly one of the two is set. */
    record Scan(Hl7Header header, Hl7Rejection rejection) {

        static Scan rejected(String controlId, ErrorCode code, String reason) {
            return new Scan(null, new Hl7Rejection(controlId, code, reason));
        }
    }

    /**
     * Scans one message's content (segments separated by CR, LF or CR LF). Refuses, with the
     * reason an AE carries, a message that does not start with MSH, is not an ORU^R01, or names no
     * HL7 v2 version HAPI knows. Never throws.
     */
    static Scan scan(byte[] content) {
        String text = normalise(new String(content, StandardCharsets.UTF_8));
        if (!text.startsWith("MSH") || text.length() < 8) {
            return Scan.rejected("", ErrorCode.SEGMENT_SEQUENCE, "the message does not start with an MSH segment");
        }
        char fieldSep = text.charAt(3);
        String[] segments = text.split("\r");
        List<String> msh = split(segments[0], fieldSep);
        Delimiters d = Delimiters.of(fieldSep, field(msh, 2));
        char componentSep = d.component();
        String controlId = field(msh, 10);
        List<String> type = split(field(msh, 9), componentSep);
        String code = type.get(0).trim();
        String event = type.size() > 1 ? type.get(1).trim() : "";
        if (!code.equals("ORU")) {
            return Scan.rejected(controlId, ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                    "unsupported message type '" + field(msh, 9) + "' (expected ORU^R01)");
        }
        if (!event.isEmpty() && !event.equals("R01")) {
            return Scan.rejected(controlId, ErrorCode.UNSUPPORTED_EVENT,
                    "unsupported event '" + event + "' (expected ORU^R01)");
        }
        // as HAPI checks it: the first component of MSH-12, exactly as written
        String version = firstComponent(field(msh, 12), componentSep);
        if (Version.versionOf(version) == null) {
            return Scan.rejected(controlId, ErrorCode.UNSUPPORTED_VERSION,
                    "unsupported version '" + version + "' (expected an HL7 v2 version, 2.1 to 2.8.1)");
        }
        String pv1 = segment(segments, "PV1", fieldSep);
        String pv13 = pv1.isEmpty() ? "" : field(split(pv1, fieldSep), 3);
        Hl7Location location = Hl7Location.parse(firstRepetition(pv13, d.repetition()), d);
        return new Scan(new Hl7Header(text, segments, fieldSep, componentSep, msh, location), null);
    }

    /** The message as HAPI takes it: segments separated by CR only, blank lines around it removed. */
    String text() {
        return text;
    }

    /** MSH-10 as sent (may be empty). */
    String controlId() {
        return field(msh, 10);
    }

    /** MSH-3 as sent. */
    String sendingApplication() {
        return field(msh, 3);
    }

    /** MSH-3's first component (the namespace id): the sending application's name. */
    String sendingApplicationName() {
        return firstComponent(field(msh, 3), componentSeparator);
    }

    /** MSH-4 as sent. */
    String sendingFacility() {
        return field(msh, 4);
    }

    /** The first component of MSH-7 (the message's date/time), as sent. */
    String messageTime() {
        return firstComponent(field(msh, 7), componentSeparator);
    }

    /** The first component of field {@code n} of the first segment named {@code name}, or empty. */
    String firstComponent(String name, int n) {
        String s = segment(segments, name, fieldSeparator);
        return s.isEmpty() ? "" : firstComponent(field(split(s, fieldSeparator), n), componentSeparator);
    }

    /** PV1-3, {@link Hl7Location#NONE} without a PV1 or with an empty PV1-3. */
    Hl7Location location() {
        return location;
    }

    /** Segments separated by CR only, surrounding blank lines removed. */
    private static String normalise(String s) {
        String t = s.replace("\r\n", "\r").replace('\n', '\r');
        int from = 0;
        while (from < t.length() && Character.isWhitespace(t.charAt(from))) {
            from++;
        }
        int to = t.length();
        while (to > from && t.charAt(to - 1) == '\r') {
            to--;
        }
        return t.substring(from, to);
    }

    /** The first segment named {@code name}, or empty. */
    private static String segment(String[] segments, String name, char fieldSep) {
        for (String s : segments) {
            if (s.length() >= 4 && s.startsWith(name) && s.charAt(3) == fieldSep) {
                return s;
            }
        }
        return "";
    }

    /** Field {@code n} of a segment's fields (MSH numbering for MSH: MSH-2 is the encoding characters). */
    private static String field(List<String> fields, int n) {
        if (!fields.isEmpty() && fields.get(0).equals("MSH")) {
            return n - 1 < fields.size() && n >= 1 ? fields.get(n - 1) : "";
        }
        return n < fields.size() ? fields.get(n) : "";
    }

    private static String firstComponent(String field, char componentSep) {
        int i = field.indexOf(componentSep);
        return i < 0 ? field : field.substring(0, i);
    }

    private static String firstRepetition(String field, char repetitionSep) {
        int i = field.indexOf(repetitionSep);
        return i < 0 ? field : field.substring(0, i);
    }

    static List<String> split(String s, char separator) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == separator) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        return out;
    }
}
