package org.voc.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests (it replaces the system clock bean): the system clock, unless a test sets it to a moment
 * (a Friday evening, a wait of three hours, past a breach) to check the business-hours arithmetic without waiting for
 * it. A test that sets it resets it.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    /** From now on the service reads this moment. */
    public void set(Instant at) {
        fixed = at;
    }

    /** Back to the system clock. */
    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service reads instants only");
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }
}
