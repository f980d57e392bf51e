package org.voc.cases.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock every case time is read from (openings, changes, due times, the SLA scheduler, the KPIs): the system
 * clock, unless another {@link Clock} bean replaces it, so that a test can put a case on a Friday evening, or move
 * past a breach, without waiting for business hours to pass.
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock system() {
        return Clock.systemUTC();
    }
}
