package org.voc.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of the SLA scheduler and the KPIs in tests (it replaces the system clock bean): a test sets "now" and
 * moves it instead of waiting for business hours to pass. Unset, it is the system clock.
 */
@Singleton
public class MovableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>();

    public void set(Instant instant) {
        now.set(instant);
    }

    /** Back to the system clock. */
    public void reset() {
        now.set(null);
    }

    @Override
    public Instant instant() {
        Instant fixed = now.get();
        return fixed == null ? Instant.now() : fixed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the SLA clock is always UTC");
    }
}
