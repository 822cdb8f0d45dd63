package org.vigil.device.protocol.hl7;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The acknowledgement sent back for each message (HL7 v2.6 original mode, as IHE PCD-01 asks),
 * MLLP-framed:
 * <pre>
 * 0x0B MSH|^~\&amp;|VIGIL|VIGIL|&lt;MSH-3&gt;|&lt;MSH-4&gt;|&lt;now&gt;||ACK^R01^ACK|&lt;id&gt;|P|2.6 CR
 *      MSA|AA|&lt;MSH-10 of the message&gt; CR                                          accepted
 *      MSA|AE|&lt;MSH-10&gt;|&lt;reason&gt; CR ERR||&lt;loc&gt;|&lt;code&gt;^&lt;text&gt;^HL70357|E||||&lt;reason&gt; CR   refused
 * 0x1C 0x0D
 * </pre>
 * The reason goes in MSA-3 (what older receivers show) and in ERR-8 (the v2.6 place); text is
 * escaped ({@code \F\ \S\ \T\ \R\ \E\}).
 */
public final class Hl7Ack {

    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    private Hl7Ack() {
    }

    /** AA for an accepted message. */
    public static byte[] accept(Hl7Message m, LocalDateTime now, long ackNumber) {
        return accept(m.controlId(), m.sendingApplication(), m.sendingFacility(), now, ackNumber);
    }

    /** AA for an accepted message with MSH-10 {@code controlId}, from MSH-3/MSH-4 as sent. */
    static byte[] accept(String controlId, String sendingApplication, String sendingFacility, LocalDateTime now,
            long ackNumber) {
        String msh = header(sendingApplication, sendingFacility, now, ackNumber);
        return frame(msh + "\rMSA|AA|" + keep(controlId) + "\r");
    }

    /** AE with the reason, for a message the station does not take. */
    public static byte[] reject(Hl7Rejection r, String sendingApplication, String sendingFacility, LocalDateTime now,
            long ackNumber) {
        String reason = escape(r.reason());
        String msh = header(sendingApplication, sendingFacility, now, ackNumber);
        return frame(msh + "\rMSA|AE|" + keep(r.controlId()) + "|" + reason + "\rERR|||" + r.code().code() + "^"
                + r.code().text() + "^HL70357|E||||" + reason + "\r");
    }

    private static String header(String app, String facility, LocalDateTime now, long ackNumber) {
        return "MSH|^~\\&|VIGIL|VIGIL|" + keep(app) + "|" + keep(facility) + "|" + DTM.format(now) + "||ACK^R01^ACK|ACK"
                + ackNumber + "|P|2.6";
    }

    /** A field copied from the message as sent (already escaped); a separator in it would break ours. */
    private static String keep(String field) {
        return field.replaceAll("[|\\r\\n\\x0B\\x1C]", "");
    }

    /** HL7 escaping of text for a field. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\E\\");
                case '|' -> sb.append("\\F\\");
                case '^' -> sb.append("\\S\\");
                case '&' -> sb.append("\\T\\");
                case '~' -> sb.append("\\R\\");
                case '\r', '\n', 0x0B, 0x1C -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code 0x0B text 0x1C 0x0D}. */
    public static byte[] frame(String text) {
        return frame(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code 0x0B content 0x1C 0x0D}. */
    public static byte[] frame(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 3);
        out.write(MllpFramer.START);
        out.writeBytes(content);
        out.write(MllpFramer.END);
        out.write(MllpFramer.CR);
        return out.toByteArray();
    }
}
