package org.voc.survey.invitation.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.voc.kit.crypto.Hmac;

/**
 * Encrypts private signing keys at rest with AES-256-GCM. The AES key is derived from the configured secret; the
 * key id is authenticated data, so a ciphertext moved to another row does not decrypt.
 * Layout: version byte (1) | 12-byte nonce | ciphertext and tag.
 */
final class KeyCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    KeyCipher(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("voc.invitation-keys.encryption-secret must be at least 16 characters");
        }
        // The secret is already high-entropy (a generated Kubernetes secret): one HMAC step derives the key and
        // separates it from any other use of the same secret.
        this.key = new SecretKeySpec(Hmac.sha256(secret, "voc.invitation-keys/v1"), "AES");
    }

    byte[] encrypt(String kid, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt invitation key " + kid, e);
        }
    }

    byte[] decrypt(String kid, byte[] stored) {
        if (stored.length < 1 + NONCE_BYTES || stored[0] != VERSION) {
            throw new IllegalStateException("invitation key " + kid + " is stored in an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot decrypt invitation key " + kid
                            + ": voc.invitation-keys.encryption-secret is not the secret it was stored with",
                    e);
        }
    }
}
