package org.voc.kit.flyway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.jboss.logging.Logger;

/**
 * Makes a migration that builds indexes {@code CONCURRENTLY} safe to run again after it failed, and never lets it
 * record success over a half-built index (docs/migrations.md).
 *
 * <p>A failed concurrent build (a duplicate under a unique index, a deadlock, a cancelled statement, a lost
 * connection) leaves an INVALID index: queries ignore it, writes still pay for it, and an {@code ON CONFLICT} that
 * needs it as its arbiter fails. Flyway records such a migration, which ran without a transaction, as failed, and every
 * later start refuses to migrate until someone runs {@code flyway repair}; after that, {@code IF NOT EXISTS} would
 * skip the build and keep the INVALID index for good. Instead, this callback:
 *
 * <ul>
 *   <li>before validation, removes the failed rows of the schema history, so the failed migration simply runs again
 *       at the next start (on PostgreSQL only a migration without a transaction leaves one, and such a migration must
 *       be safe to run again statement by statement);
 *   <li>before a migration, refuses a concurrent build without {@code IF NOT EXISTS} (it could not run again), waits
 *       while another session still builds the same index (the server process of a pod killed mid-build goes on
 *       building), and drops what a failed build left;
 *   <li>after it, fails the migration if one of those indexes is not valid.
 * </ul>
 */
public final class ConcurrentIndexBuilds implements Callback {

    private static final Logger LOG = Logger.getLogger(ConcurrentIndexBuilds.class);
    private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern BUILD = Pattern.compile(
            "create\\s+(?:unique\\s+)?index\\s+concurrently\\s+(if\\s+not\\s+exists\\s+)?(\"[^\"]+\"|[\\w$]+)",
            Pattern.CASE_INSENSITIVE);

    private final Duration poll;

    public ConcurrentIndexBuilds() {
        this(Duration.ofSeconds(1));
    }

    ConcurrentIndexBuilds(Duration poll) {
        this.poll = poll;
    }

    /** One {@code CREATE INDEX CONCURRENTLY} of a migration script. */
    record Build(String index, boolean ifNotExists) {}

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE
                || event == Event.BEFORE_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        // Only migrations that build concurrently are touched, and those never run in a transaction.
        return true;
    }

    @Override
    public String getCallbackName() {
        return "voc-concurrent-index-builds";
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            switch (event) {
                case BEFORE_VALIDATE -> forgetFailures(context);
                case BEFORE_EACH_MIGRATE -> clearLeftovers(context);
                case AFTER_EACH_MIGRATE -> checkBuilt(context);
                default -> {}
            }
        } catch (SQLException e) {
            throw new FlywayException("Checking the concurrent index builds failed: " + e.getMessage(), e);
        }
    }

    private void forgetFailures(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String history = historyTable(context.getConfiguration());
        if (!exists(connection, history)) {
            return;
        }
        try (Statement statement = connection.createStatement();
                ResultSet failed = statement.executeQuery(
                        "delete from " + history + " where not success returning version, description, installed_on")) {
            while (failed.next()) {
                LOG.warnf(
                        "Migration %s (%s) failed at %s; it runs again now",
                        failed.getString(1), failed.getString(2), failed.getTimestamp(3));
            }
        }
    }

    private void clearLeftovers(Context context) throws SQLException {
        List<Build> builds = builds(context);
        for (Build build : builds) {
            if (!build.ifNotExists()) {
                throw new FlywayException(context.getMigrationInfo().getScript() + " builds " + build.index()
                        + " CONCURRENTLY without IF NOT EXISTS, so it could not run again after a failure"
                        + " (docs/migrations.md)");
            }
        }
        Connection connection = context.getConnection();
        for (Build build : builds) {
            awaitOtherBuild(connection, build.index());
            if (Boolean.FALSE.equals(valid(connection, build.index()).orElse(null))) {
                LOG.warnf(
                        "Dropping the INVALID index %s that a failed concurrent build left, to build it again",
                        build.index());
                try (Statement statement = connection.createStatement()) {
                    statement.execute("drop index concurrently if exists " + build.index());
                }
            }
        }
    }

    private void checkBuilt(Context context) throws SQLException {
        for (Build build : builds(context)) {
            if (!valid(context.getConnection(), build.index()).orElse(false)) {
                throw new FlywayException(context.getMigrationInfo().getScript() + " left the index " + build.index()
                        + " missing or INVALID; the next start drops it and builds it again");
            }
        }
    }

    private void awaitOtherBuild(Connection connection, String index) throws SQLException {
        boolean told = false;
        while (beingBuilt(connection, index)) {
            if (!told) {
                LOG.infof("Another session is still building the index %s; waiting for it to end", index);
                told = true;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FlywayException("Interrupted while waiting for the build of " + index, e);
            }
        }
    }

    private static boolean beingBuilt(Connection connection, String index) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select exists (select 1 from pg_stat_progress_create_index where index_relid = to_regclass(?))")) {
            statement.setString(1, index);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Whether the index is valid, or empty when there is none of that name. */
    private static Optional<Boolean> valid(Connection connection, String index) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select indisvalid from pg_index where indexrelid = to_regclass(?)")) {
            statement.setString(1, index);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getBoolean(1)) : Optional.empty();
            }
        }
    }

    private static boolean exists(Connection connection, String relation) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, relation);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static String historyTable(Configuration configuration) {
        String schema = configuration.getDefaultSchema();
        if (schema == null && configuration.getSchemas().length > 0) {
            schema = configuration.getSchemas()[0];
        }
        String table = quote(configuration.getTable());
        return schema == null ? table : quote(schema) + "." + table;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The concurrent builds of the migration about to run, or that just ran. */
    static List<Build> builds(Context context) {
        MigrationInfo migration = context.getMigrationInfo();
        if (migration == null
                || migration.getScript() == null
                || !migration.getScript().endsWith(".sql")) {
            return List.of();
        }
        return builds(script(context.getConfiguration(), migration));
    }

    static List<Build> builds(String sql) {
        List<Build> builds = new ArrayList<>();
        Matcher build = BUILD.matcher(COMMENTS.matcher(sql).replaceAll(" "));
        while (build.find()) {
            builds.add(new Build(build.group(2), build.group(1) != null));
        }
        return builds;
    }

    /**
     * Reads a migration's SQL. Its script name is relative to its location when Flyway scanned the classpath itself (as
     * in tests) but already the full resource path in a packaged Quarkus application, which hands Flyway the scripts
     * it found at build time: both are tried.
     */
    private static String script(Configuration configuration, MigrationInfo migration) {
        String script = migration.getScript();
        try {
            String physical = migration.getPhysicalLocation();
            if (physical != null && !physical.isBlank() && Files.isRegularFile(Path.of(physical))) {
                return Files.readString(Path.of(physical), StandardCharsets.UTF_8);
            }
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (Location location : configuration.getLocations()) {
                for (String name : List.of(location.getRootPath() + "/" + script, script)) {
                    if (location.isClassPath()) {
                        try (InputStream in = loader.getResourceAsStream(name)) {
                            if (in != null) {
                                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                            }
                        }
                    } else if (location.isFileSystem() && Files.isRegularFile(Path.of(name))) {
                        return Files.readString(Path.of(name), StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (IOException e) {
            throw new FlywayException("Cannot read " + script + ": " + e.getMessage(), e);
        }
        throw new FlywayException("Cannot find " + script + " to check its concurrent index builds");
    }
}
