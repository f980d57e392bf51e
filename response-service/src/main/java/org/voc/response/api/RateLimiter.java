package org.voc.response.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client address: each address may make {@code burst} requests at once and
 * {@code requestsPerMinute} sustained. Memory is bounded by {@code maxClients}: a full bucket carries no
 * information (it is what an unknown address gets), so those go first; if every tracked address is mid-burst the
 * table starts afresh, which briefly forgives everyone rather than growing without bound.
 */
final class RateLimiter {

    /** Verdict: allowed, or refused with the seconds until one request would be allowed again. */
    record Decision(boolean allowed, long retryAfterSeconds) {}

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }

    private final double capacity;
    private final double tokensPerNano;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int requestsPerMinute, int burst, int maxClients, LongSupplier nanoTime) {
        if (requestsPerMinute < 1 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException(
                    "voc.respondent.rate-limit: requests-per-minute, burst and " + "max-clients must be at least 1");
        }
        this.capacity = burst;
        this.tokensPerNano = requestsPerMinute / 60e9;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
    }

    Decision take(String client) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                evict(now);
            }
            bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        }
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double nanosToOne = (1 - bucket.tokens) / tokensPerNano;
            return new Decision(false, Math.max(1, (long) Math.ceil(nanosToOne / 1e9)));
        }
    }

    int trackedClients() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.updatedNanos);
        bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * tokensPerNano);
        bucket.updatedNanos = now;
    }

    private synchronized void evict(long now) {
        if (buckets.size() < maxClients) {
            return; // another thread made room meanwhile
        }
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                refill(e.getValue(), now);
                return e.getValue().tokens >= capacity;
            }
        });
        if (buckets.size() >= maxClients) {
            buckets.clear();
        }
    }
}
