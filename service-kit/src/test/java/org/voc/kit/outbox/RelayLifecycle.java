package org.voc.kit.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Stops and starts the relay as Quarkus does at shutdown and start-up, for the tests of the shutdown drain. */
public final class RelayLifecycle {

    private RelayLifecycle() {}

    public static void stop(OutboxRelay relay) throws InterruptedException {
        relay.stop(new ShutdownEvent());
    }

    public static void start(OutboxRelay relay) {
        relay.start(new StartupEvent());
    }
}
