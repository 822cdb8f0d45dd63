package org.vigil.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password and PIN hashes (Bouncy Castle's {@link Argon2BytesGenerator}), stored in the
 * PHC string format {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (unpadded base64), so a
 * hash carries its own parameters and old hashes still verify after the parameters change.
 * See docs/decisions/0038-accounts-roles-and-the-core-authorizer.md for the parameters.
 */
public final class PasswordHasher {

    /** OWASP's first Argon2id configuration: 19 MiB, 2 passes, 1 lane (a check took 0.4 s median on a 2-core machine at load 10). */
    public static final Params STANDARD = new Params(19 * 1024, 2, 1);
    /** Cheap parameters for tests only (never for a real station). */
    public static final Params FAST_FOR_TESTS = new Params(64, 1, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** Memory in KiB, passes, lanes. */
    public record Params(int memoryKib, int iterations, int parallelism) {
    }

    private final Params params;
    private final SecureRandom random;

    public PasswordHasher(Params params, SecureRandom random) {
        this.params = Objects.requireNonNull(params, "params");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The station's hasher: {@link #STANDARD} parameters, a strong random salt. */
    public static PasswordHasher standard() {
        return new PasswordHasher(STANDARD, new SecureRandom());
    }

    /** The PHC string of {@code secret} with a new random salt. */
    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] h = derive(secret, salt, params, HASH_BYTES);
        return "$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(h);
    }

    /** True when {@code secret} matches {@code encoded}; false for anything malformed (never throws). */
    public boolean verify(String secret, String encoded) {
        if (secret == null || encoded == null) {
            return false;
        }
        try {
            String[] parts = encoded.split("\\$");
            // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
            if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
                return false;
            }
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                String[] e = kv.split("=", 2);
                int v = Integer.parseInt(e[1]);
                switch (e[0]) {
                    case "m" -> m = v;
                    case "t" -> t = v;
                    case "p" -> p = v;
                    default -> {
                        return false;
                    }
                }
            }
            if (m < 8 || m > 1 << 18 || t < 1 || t > 100 || p < 1 || p > 16) {
                return false;
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            if (expected.length < 16 || expected.length > 64) {
                return false;
            }
            byte[] actual = derive(secret, salt, new Params(m, t, p), expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static byte[] derive(String secret, byte[] salt, Params p, int length) {
        Argon2Parameters a = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(a);
        byte[] out = new byte[length];
        byte[] pw = secret.getBytes(StandardCharsets.UTF_8);
        try {
            g.generateBytes(pw, out);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
        return out;
    }
}
