package org.voc.kit.flyway;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * How every service migrates at start-up when several replicas start together (docs/migrations.md).
 *
 * <ul>
 *   <li>Flyway's PostgreSQL lock is a session advisory lock, not a transaction-scoped one: a migration that builds an
 *       index {@code CONCURRENTLY} waits for every open transaction, including the one Flyway would otherwise hold
 *       its lock in, and never finishes.
 *   <li>A replica waiting for that lock waits as long as the migration takes (Flyway gives up after 50 s by default):
 *       a concurrent build on a large table takes minutes, and the startup probe, not Flyway, bounds the wait. The
 *       waiting replica polls with {@code pg_try_advisory_lock} and holds no transaction open meanwhile, so the
 *       build never waits for it.
 *   <li>A concurrent index build that failed is retried, never skipped or left half-built ({@link
 *       ConcurrentIndexBuilds}).
 * </ul>
 */
@Singleton
public class FlywaySetup implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration
                .getPluginRegister()
                .getPlugin(PostgreSQLConfigurationExtension.class)
                .setTransactionalLock(false);
        configuration.lockRetryCount(-1);
        List<Callback> callbacks = new ArrayList<>(List.of(configuration.getCallbacks()));
        callbacks.add(new ConcurrentIndexBuilds());
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }
}
