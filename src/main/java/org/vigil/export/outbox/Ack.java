package org.vigil.export.outbox;

import java.util.Locale;

/**
 * The engine's answer to one message, from its MSA segment (and ERR, when MSA-3 is empty):
 * {@code AA}/{@code CA} accepted, {@code AE}/{@code CE} error, {@code AR}/{@code CR} rejected.
 *
 * @param controlId MSA-2: the MSH-10 of the message it answers
 * @param text      the engine's words (MSA-3, or ERR-8 / ERR-3), empty when none
 */
public record Ack(String code, String controlId, String text) {

    public boolean accepted() {
        return code.equals("AA") || code.equals("CA");
    }

    /** Parses an ACK; a text without an MSA segment is an {@link IllegalArgumentException}. */
    public static Ack parse(String message) {
        String msa = null;
        String err = null;
        for (String seg : message.split("[\r\n]+")) {
            if (seg.startsWith("MSA|")) {
                msa = seg;
            } else if (seg.startsWith("ERR|") && err == null) {
                err = seg;
            }
        }
        if (msa == null) {
            throw new IllegalArgumentException("the answer has no MSA segment");
        }
        String[] f = msa.split("\\|", -1);
        String code = f.length > 1 ? f[1].trim().toUpperCase(Locale.ROOT) : "";
        String id = f.length > 2 ? f[2].trim() : "";
        String text = f.length > 3 ? f[3].trim() : "";
        if (text.isEmpty() && err != null) {
            String[] e = err.split("\\|", -1);
            text = e.length > 8 && !e[8].isBlank() ? e[8].trim() : e.length > 3 ? e[3].replace('^', ' ').trim() : "";
        }
        if (!code.matches("[AC][AER]")) {
            throw new IllegalArgumentException("unknown acknowledgment code '" + code + "'");
        }
        return new Ack(code, id, text);
    }
}
