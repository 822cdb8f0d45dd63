package org.vigil.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.FAST_FOR_TESTS, new SecureRandom());

    @Test
    void aHashIsAnArgon2idPhcStringThatVerifiesOnlyItsSecret() {
        String h = hasher.hash("correct horse");
        assertTrue(h.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), h);
        assertFalse(h.contains("correct horse"));
        assertTrue(hasher.verify("correct horse", h));
        assertFalse(hasher.verify("correct hors", h));
        assertFalse(hasher.verify("", h));
        assertFalse(hasher.verify(null, h));
    }

    @Test
    void theSameSecretHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("4711"), hasher.hash("4711"));
    }

    @Test
    void aHashCarriesItsParametersSoOldHashesVerifyAfterTheyChange() {
        String old = new PasswordHasher(new PasswordHasher.Params(128, 2, 1), new SecureRandom()).hash("4711");
        assertTrue(hasher.verify("4711", old));
    }

    @Test
    void theStandardParametersAreOwaspsArgon2idMinimum() {
        String h = PasswordHasher.standard().hash("x");
        assertTrue(h.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), h);
        assertTrue(PasswordHasher.standard().verify("x", h));
    }

    @Test
    void malformedOrHostileHashesAreFalseAndNeverThrow() {
        String good = hasher.hash("4711");
        String[] bad = {null, "", "4711", "$argon2i$v=19$m=64,t=1,p=1$AAAA$AAAA", "$argon2id$v=16$m=64,t=1,p=1$AAAA$AAAA",
            "$argon2id$v=19$m=999999999,t=1,p=1$AAAA" + good.substring(good.lastIndexOf('$')),
            "$argon2id$v=19$m=64,t=1,p=1$!!!$AAAA", "$argon2id$v=19$m=64,t=1$AAAA$AAAA",
            good.substring(0, good.length() - 3)};
        for (String b : bad) {
            assertFalse(hasher.verify("4711", b), String.valueOf(b));
        }
        Random r = new Random(13);
        for (int i = 0; i < 2000; i++) {
            char[] c = good.toCharArray();
            c[r.nextInt(c.length)] = (char) (32 + r.nextInt(95));
            String mutated = new String(c);
            if (!mutated.equals(good)) {
                hasher.verify("4711", mutated); // false or true for a harmless change, never an exception
            }
        }
    }
}
