package org.voc.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Identities of bearer tokens that were verified, keyed by the SHA-256 of the whole token and kept until the
 * token's own expiry at the latest. A changed token (another signature, claim or header) has another hash and is
 * verified in full; an entry is never returned at or after its {@code exp}; the least recently used entry goes
 * when the cache is full. What a cached token cannot see is a revocation before its expiry, which a verified JWT
 * does not see either: verification is local, with the realm's keys.
 */
public final class VerifiedTokens {

    private record Entry(SecurityIdentity identity, Instant expires) {}

    private final int maxSize;
    private final Map<String, Entry> entries;

    public VerifiedTokens(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be positive: " + maxSize);
        }
        this.maxSize = maxSize;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedTokens.this.maxSize;
            }
        };
    }

    /** The identity verified for this token, or null when it was not verified or has expired at {@code now}. */
    public SecurityIdentity get(String token, Instant now) {
        String key = hash(token);
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            if (!now.isBefore(entry.expires())) {
                entries.remove(key);
                return null;
            }
            return entry.identity();
        }
    }

    /** Keeps the identity verified for this token until {@code expires}; nothing when that is not after now. */
    public void put(String token, SecurityIdentity identity, Instant expires, Instant now) {
        if (!now.isBefore(expires)) {
            return;
        }
        String key = hash(token);
        synchronized (entries) {
            entries.put(key, new Entry(identity, expires));
        }
    }

    /** How many tokens are kept (expired ones go when they are next looked up or pushed out). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
