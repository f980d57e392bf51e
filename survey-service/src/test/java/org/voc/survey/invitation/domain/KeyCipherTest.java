package org.voc.survey.invitation.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Private signing keys are useless without the encryption secret, and bound to their key id. */
class KeyCipherTest {

    private static final byte[] PLAIN = "a PKCS#8 private key".getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTripsAndNeverStoresThePlainKey() {
        KeyCipher cipher = new KeyCipher("a-secret-of-enough-length");
        byte[] sealed = cipher.encrypt("kid-1", PLAIN);
        assertEquals(1, sealed[0], "format version");
        assertFalse(contains(sealed, PLAIN), "the plain key must not appear in what is stored");
        assertArrayEquals(PLAIN, cipher.decrypt("kid-1", sealed));
        assertFalse(Arrays.equals(sealed, cipher.encrypt("kid-1", PLAIN)), "a fresh nonce per encryption");
    }

    @Test
    void anotherSecretCannotDecryptAndSaysWhy() {
        byte[] sealed = new KeyCipher("a-secret-of-enough-length").encrypt("kid-1", PLAIN);
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> new KeyCipher("another-secret-entirely").decrypt("kid-1", sealed));
        assertTrue(e.getMessage().contains("voc.invitation-keys.encryption-secret"), e.getMessage());
    }

    @Test
    void aCiphertextMovedToAnotherKeyIdDoesNotDecrypt() {
        KeyCipher cipher = new KeyCipher("a-secret-of-enough-length");
        byte[] sealed = cipher.encrypt("kid-1", PLAIN);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("kid-2", sealed));
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> new KeyCipher("short"));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
