package org.vigil.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key the session database is encrypted with (SQLite3MultipleCiphers, ChaCha20-Poly1305,
 * used as a raw key: it is random, so no password derivation is needed). Never printed: its
 * {@link #toString()} says only where it came from. See decision "database key".
 */
public final class DatabaseKey {

    static final int BYTES = 32;

    private final byte[] bytes;
    private final String source;

    private DatabaseKey(byte[] bytes, String source) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a database key has " + BYTES + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
        this.source = source;
    }

    /** A new random key. */
    static DatabaseKey random(SecureRandom random, String source) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return new DatabaseKey(b, source);
    }

    /**
     * The key written as 64 hexadecimal digits (surrounding white space ignored).
     *
     * @param source where the text came from, for messages ({@code VIGIL_DB_KEY}, a file)
     * @throws IllegalArgumentException naming {@code source} (never the text) when it is not 64 hex digits
     */
    public static DatabaseKey fromHex(String text, String source) {
        String t = text.strip();
        if (t.length() != BYTES * 2 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(source + " must hold a key of 64 hexadecimal digits (e.g. from 'openssl rand -hex 32')");
        }
        return new DatabaseKey(HexFormat.of().parseHex(t.toLowerCase(java.util.Locale.ROOT)), source);
    }

    /** Where this key came from ({@code VIGIL_DB_KEY} or the key file's path). */
    public String source() {
        return source;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * A key derived from this one for {@code purpose} (HMAC-SHA256 of the purpose under this key):
     * e.g. the key that signs the audit trail's head. Someone with the database file alone has neither.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "database key from " + source;
    }
}
