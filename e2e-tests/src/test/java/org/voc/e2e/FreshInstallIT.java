package org.voc.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.TestInfra;

/**
 * A first install: each packaged service (or its image, with {@code -Dvoc.e2e.images}) starts on an empty database
 * of its own and migrates it from V1, as in a new cluster. The other end-to-end tests run on the databases the
 * modules' tests already migrated, so without this one a packaged service's migrations (the Flyway set-up of the
 * kit included: Quarkus hands Flyway the scripts differently in a packaged application than in its tests) would never
 * run in the build.
 */
class FreshInstallIT {

    private static final Path ROOT = Path.of(System.getProperty("voc.repo.root", ".."));
    private static final Path LOGS = Path.of(System.getProperty("voc.e2e.logs", "target/service-logs"), "fresh");

    @Test
    void everyServiceMigratesAnEmptyDatabaseAtItsFirstStart() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String service : Suite.ALL) {
            String database = "voc_fresh_" + service.replace('-', '_');
            admin("drop database if exists " + database + " with (force)");
            admin("create database " + database);
            try (ServiceProcess process = ServiceProcess.start(
                    service,
                    ServiceProcess.freePort(),
                    ROOT,
                    LOGS,
                    Map.of(
                            "VOC_DB_NAME", database,
                            "VOC_INVITATION_KEY_SECRET", "test-only-invitation-key-secret",
                            "VOC_PII_PSEUDONYM_KEY", "test-only-pseudonym-key"))) {
                process.awaitReady(Duration.parse(System.getProperty("voc.e2e.ready-timeout", "PT5M")));
                long migrations = migrationFiles(service);
                long applied = count(
                        database,
                        "select count(*) from flyway_schema_history where success" + " and version is not null");
                long failed = count(database, "select count(*) from flyway_schema_history where not success");
                long invalid = count(database, "select count(*) from pg_index where not indisvalid");
                if (applied != migrations || failed != 0 || invalid != 0) {
                    failures.add("%s: %d of %d migrations applied, %d failed, %d INVALID indexes"
                            .formatted(service, applied, migrations, failed, invalid));
                }
            } finally {
                admin("drop database if exists " + database + " with (force)");
            }
        }
        assertEquals(List.of(), failures);
    }

    private static long migrationFiles(String service) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(service).resolve("src/main/resources/db/migration"))) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .count();
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://%s:%s/%s"
                        .formatted(
                                TestInfra.env("VOC_PG_HOST", "localhost"),
                                TestInfra.env("VOC_PG_PORT", "15432"),
                                database),
                TestInfra.env("VOC_PG_USER", "voc"),
                TestInfra.env("VOC_PG_PASSWORD", "voc"));
    }
}
