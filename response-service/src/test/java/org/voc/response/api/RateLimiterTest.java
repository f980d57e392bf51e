package org.voc.response.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock of the test's own: bursts, refill, Retry-After and bounded memory. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstThenTheSustainedRate() {
        RateLimiter limiter = new RateLimiter(60, 3, 100, now::get); // one per second, three at once
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.take("a").allowed());
        }
        RateLimiter.Decision refused = limiter.take("a");
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
        assertTrue(limiter.take("b").allowed(), "another address has its own bucket");

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
        assertTrue(limiter.take("a").allowed());
        assertFalse(limiter.take("a").allowed());
    }

    @Test
    void retryAfterCoversTheTimeToTheNextToken() {
        RateLimiter limiter = new RateLimiter(2, 1, 100, now::get); // one every 30 s
        assertTrue(limiter.take("a").allowed());
        assertEquals(30, limiter.take("a").retryAfterSeconds());
        now.addAndGet(TimeUnit.SECONDS.toNanos(20));
        assertEquals(10, limiter.take("a").retryAfterSeconds());
    }

    @Test
    void memoryStaysBoundedAndIdleClientsGoFirst() {
        RateLimiter limiter = new RateLimiter(60, 2, 3, now::get);
        limiter.take("busy");
        limiter.take("busy");
        limiter.take("idle-1");
        limiter.take("idle-2");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1)); // idle-1 and idle-2 are full again, busy is not
        limiter.take("new");
        assertEquals(2, limiter.trackedClients(), "full buckets were dropped, busy kept");
        assertFalse(
                limiter.take("busy").allowed() && limiter.take("busy").allowed(),
                "busy kept its state: at most one token came back in a second");
        for (int i = 0; i < 10; i++) {
            limiter.take("flood-" + i);
        }
        assertTrue(limiter.trackedClients() <= 3);
    }
}
