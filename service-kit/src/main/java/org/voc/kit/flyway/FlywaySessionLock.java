package org.voc.kit.flyway;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Flyway's PostgreSQL lock as a session advisory lock instead of a transaction-scoped one: a migration that builds an
 * index {@code CONCURRENTLY} (docs/migrations.md) waits for every open transaction, including the one Flyway would
 * otherwise hold its lock in, and never finishes. Replicas starting together still migrate one at a time.
 */
@Singleton
public class FlywaySessionLock implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration
                .getPluginRegister()
                .getPlugin(PostgreSQLConfigurationExtension.class)
                .setTransactionalLock(false);
    }
}
