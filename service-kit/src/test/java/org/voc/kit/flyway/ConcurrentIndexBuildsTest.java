package org.voc.kit.flyway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kit's Flyway set-up against the real test PostgreSQL, with a migration shaped like response-service's V6: a
 * unique index built concurrently on a table that may hold rows.
 */
class ConcurrentIndexBuildsTest {

    /** A hang guard, not a speed check: a migration that waits on itself would never end. */
    private static final long GUARD_SECONDS = 120;
    // The server ends any statement of these sessions after the guard too: a hung build would otherwise hold its
    // locks after the test gave up and block every test after it.
    private static final String URL = "jdbc:postgresql://" + env("VOC_PG_HOST", "localhost") + ":"
            + env("VOC_PG_PORT", "15432") + "/voc_kit?options=-c%20statement_timeout%3D" + GUARD_SECONDS * 1000;
    private static final String USER = env("VOC_PG_USER", "voc");
    private static final String PASSWORD = env("VOC_PG_PASSWORD", "voc");
    private static final String SCHEMA = "concurrent_builds";
    private static final String INDEX = SCHEMA + ".visit_invitation";
    private static final String INVITATION = "'6f1f4c1e-0000-4000-8000-000000000001'";

    @BeforeEach
    void emptySchema() {
        flyway("rerunnable", null).clean();
    }

    @Test
    void aFailedBuildRunsAgainAtTheNextStartAndLeavesNoInvalidIndex() throws Exception {
        flyway("rerunnable", "1").migrate();
        sql("insert into " + SCHEMA + ".visit values (1, " + INVITATION + "), (2, " + INVITATION + ")");
        Flyway flyway = flyway("rerunnable", null);

        FlywayException failure = assertThrows(FlywayException.class, flyway::migrate);
        assertTrue(failure.getMessage().contains("could not create unique index"), failure.getMessage());
        // What a failed concurrent build leaves: an INVALID index and a failed row in the history.
        assertEquals(Optional.of(false), valid(INDEX));
        assertEquals(List.of("2"), failedVersions());

        // Still duplicated: the next start fails on the cause again, not on "contains a failed migration".
        FlywayException again = assertThrows(FlywayException.class, flyway::migrate);
        assertTrue(again.getMessage().contains("could not create unique index"), again.getMessage());

        // Once the duplicate is gone, the next start builds the index; nobody ran repair or dropped anything by hand.
        sql("delete from " + SCHEMA + ".visit where id = 2");
        flyway.migrate();
        assertEquals(Optional.of(true), valid(INDEX));
        assertEquals(List.of(), failedVersions());
        assertEquals("2", flyway.info().current().getVersion().getVersion());
        // The writer's arbiter index works: a second visit for the invitation is skipped, not an error.
        sql("insert into " + SCHEMA + ".visit values (3, " + INVITATION + ") on conflict (invitation_id) do nothing");
        assertEquals(1, count("select count(*) from " + SCHEMA + ".visit"));
    }

    @Test
    void aConcurrentBuildThatCouldNotRunAgainIsRefused() {
        FlywayException refused =
                assertThrows(FlywayException.class, () -> flyway("once", null).migrate());

        assertTrue(refused.getMessage().contains("without IF NOT EXISTS"), refused.getMessage());
        assertEquals(Optional.empty(), valid(INDEX));
    }

    @Test
    void aBuildStillRunningInAnotherSessionIsAwaitedNotDroppedAndBuiltAgain() throws Exception {
        flyway("rerunnable", "1").migrate();
        try (Connection writer = connection();
                Connection builder = connection()) {
            // An uncommitted write holds the other session's build in its first wait, INVALID and in progress, as
            // the server process of a pod killed mid-build would be.
            writer.setAutoCommit(false);
            execute(writer, "insert into " + SCHEMA + ".visit values (1, " + INVITATION + ")");
            CompletableFuture<Void> otherBuild = CompletableFuture.runAsync(() -> execute(
                    builder,
                    "create unique index concurrently visit_invitation on " + SCHEMA + ".visit (invitation_id)"));
            await().atMost(Duration.ofSeconds(GUARD_SECONDS)).until(() -> beingBuilt(INDEX));
            long built = count("select to_regclass('" + INDEX + "')::oid");

            CompletableFuture<Void> migration =
                    CompletableFuture.runAsync(() -> flyway("rerunnable", null).migrate());
            writer.commit();
            otherBuild.get(GUARD_SECONDS, TimeUnit.SECONDS);
            migration.get(GUARD_SECONDS, TimeUnit.SECONDS);

            assertEquals(built, count("select to_regclass('" + INDEX + "')::oid"), "the finished build was kept");
            assertEquals(Optional.of(true), valid(INDEX));
            assertEquals(List.of(), failedVersions());
        }
    }

    @Test
    void replicasStartingTogetherMigrateOnceWithoutWaitingOnEachOther() throws Exception {
        flyway("rerunnable", "1").migrate();
        try (Connection writer = connection()) {
            // An open write keeps the first replica's build going while the others reach Flyway's lock.
            writer.setAutoCommit(false);
            execute(writer, "insert into " + SCHEMA + ".visit values (1, " + INVITATION + ")");
            List<CompletableFuture<Void>> replicas = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replicas.add(CompletableFuture.runAsync(
                        () -> flyway("rerunnable", null).migrate()));
            }
            await().atMost(Duration.ofSeconds(GUARD_SECONDS)).until(() -> beingBuilt(INDEX));
            writer.commit();
            for (CompletableFuture<Void> replica : replicas) {
                replica.get(GUARD_SECONDS, TimeUnit.SECONDS);
            }
        }
        assertEquals(Optional.of(true), valid(INDEX));
        assertEquals(
                1, count("select count(*) from " + SCHEMA + ".flyway_schema_history where version = '2' and success"));
        assertEquals(List.of(), failedVersions());
    }

    @Test
    void findsEveryConcurrentBuildOfAScriptAndNoneInItsComments() {
        String script = """
                -- create index concurrently commented_out on t (a);
                /* create index concurrently
                   also_commented on t (a); */
                CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS one on t (a) where a is not null;
                create index concurrently "Two" on t using gin (b);
                create index plain on t (c);
                """;

        assertEquals(
                List.of(
                        new ConcurrentIndexBuilds.Build("one", true),
                        new ConcurrentIndexBuilds.Build("\"Two\"", false)),
                ConcurrentIndexBuilds.builds(script));
    }

    private static Flyway flyway(String scripts, String target) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(URL, USER, PASSWORD)
                .schemas(SCHEMA)
                .locations("classpath:flyway-concurrent/" + scripts)
                .cleanDisabled(false);
        if (target != null) {
            configuration.target(target);
        }
        new FlywaySetup().customize(configuration);
        return configuration.load();
    }

    private static Optional<Boolean> valid(String index) {
        try (Connection connection = connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select indisvalid from pg_index where indexrelid = to_regclass('" + index + "')")) {
            return row.next() ? Optional.of(row.getBoolean(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean beingBuilt(String index) {
        return count("select count(*) from pg_stat_progress_create_index where index_relid = to_regclass('" + index
                        + "')")
                == 1;
    }

    private static List<String> failedVersions() throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = connection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select version from " + SCHEMA + ".flyway_schema_history where not success")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static long count(String query) {
        try (Connection connection = connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(String sql) throws SQLException {
        try (Connection connection = connection()) {
            execute(connection, sql);
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
