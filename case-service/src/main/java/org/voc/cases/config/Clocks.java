package org.voc.cases.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock the SLA scheduler and the KPIs read "now" from: the system clock, unless another {@link Clock} bean
 * replaces it (the tests move one instead of waiting for business hours to pass).
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock system() {
        return Clock.systemUTC();
    }
}
