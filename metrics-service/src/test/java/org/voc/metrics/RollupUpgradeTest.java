package org.voc.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database that holds the first NPS roll-up: its rows move into the hourly score roll-up with their
 * classes intact. Runs the service's migrations in a schema of its own, first to V1, then to the latest.
 */
@QuarkusTest
class RollupUpgradeTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void npsRollupRowsSurviveTheUpgrade() throws SQLException {
        String schema =
                "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            flyway(schema, "1").migrate();
            execute("insert into " + schema + ".nps_rollup (touchpoint_key, channel, bucket_start, responses,"
                    + " promoters, passives, detractors) values ('card-delivery', 'BRANCH', '2026-01-05T10:00Z', 10,"
                    + " 4, 3, 3), ('card-delivery', '', '2026-01-05T11:00Z', 2, 2, 0, 0)");
            flyway(schema, "latest").migrate();

            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("select channel, segment, survey_id, n, d0, d7, d10, d9 from "
                            + schema + ".score_rollup_hour where metric = 'NPS' order by bucket_start")) {
                rows.next();
                assertEquals("BRANCH", rows.getString(1));
                assertEquals("", rows.getString(2)); // segment and survey were never known
                assertEquals("", rows.getString(3));
                assertEquals(10, rows.getLong(4));
                assertEquals(3, rows.getLong(5)); // detractors in bin 0
                assertEquals(3, rows.getLong(6)); // passives in bin 7
                assertEquals(4, rows.getLong(7)); // promoters in bin 10
                assertEquals(0, rows.getLong(8));
                rows.next();
                assertEquals(2, rows.getLong(4));
                assertEquals(2, rows.getLong(7));
            }
        } finally {
            execute("drop schema if exists " + schema + " cascade");
        }
    }

    private Flyway flyway(String schema, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
