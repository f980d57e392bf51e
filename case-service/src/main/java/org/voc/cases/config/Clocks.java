package org.voc.cases.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock every case time is read from (openings, changes, due times): one bean, so that a test can put a case on
 * a Friday evening and check the business-hours arithmetic without waiting for one.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
