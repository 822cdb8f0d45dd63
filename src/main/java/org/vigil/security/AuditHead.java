package org.vigil.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.vigil.storage.OwnerOnly;

/**
 * The audit chain's head kept outside the database (decision "audit trail head"): the last row's
 * number and hash, signed with HMAC-SHA256 under a key derived from the database key, in
 * {@code <database>.audit-head} (owner-only). Someone holding only the database file cannot write a
 * head that verifies, so cutting rows off the end of the table is detected.
 *
 * <pre>
 * vigil-audit-head 1
 * seq=42
 * hash=&lt;64 hex&gt;
 * hmac=&lt;64 hex&gt;
 * </pre>
 */
public final class AuditHead {

    static final String PURPOSE = "vigil audit head v1";
    static final String SUFFIX = ".audit-head";

    private final Path file;
    private final byte[] key;

    /** @param key the HMAC key ({@code DatabaseKey.derive(PURPOSE)}) */
    AuditHead(Path file, byte[] key) {
        this.file = file;
        this.key = key.clone();
    }

    /** The head file of {@code database}. */
    public static Path fileFor(Path database) {
        Path abs = database.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + SUFFIX);
    }

    public Path file() {
        return file;
    }

    /** A signed head as read from the file. */
    public record Signed(long seq, String hash, boolean signatureValid) {
    }

    /** Writes the head (atomically, owner-only). */
    void write(long seq, String hash) throws IOException {
        OwnerOnly.writeAtomically(file, "vigil-audit-head 1\nseq=" + seq + "\nhash=" + hash + "\nhmac=" + hmac(seq, hash) + "\n");
    }

    /** The head in the file, empty when there is none; a file that cannot be parsed reads as an invalid signature. */
    Optional<Signed> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        long seq = -1;
        String hash = "";
        String mac = "";
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("seq=")) {
                try {
                    seq = Long.parseLong(line.substring(4).strip());
                } catch (NumberFormatException e) {
                    seq = -1;
                }
            } else if (line.startsWith("hash=")) {
                hash = line.substring(5).strip();
            } else if (line.startsWith("hmac=")) {
                mac = line.substring(5).strip();
            }
        }
        boolean valid = seq >= 0 && MessageDigest.isEqual(hmac(seq, hash).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
        return Optional.of(new Signed(seq, hash, valid));
    }

    private String hmac(long seq, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((seq + "|" + hash).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
