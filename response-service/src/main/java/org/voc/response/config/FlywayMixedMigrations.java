package org.voc.response.config;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Lets a migration build an index {@code CONCURRENTLY} next to other statements (V11): Flyway then runs that
 * migration without a transaction, each statement committing on its own. Migrations without such a statement keep
 * their single transaction. Quarkus has no property for Flyway's {@code mixed}.
 */
@Singleton
public class FlywayMixedMigrations implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.mixed(true);
    }
}
