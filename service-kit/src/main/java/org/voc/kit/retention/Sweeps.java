package org.voc.kit.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs a retention sweep (delete or blank what is older than a limit) so that several replicas never clash and
 * writers are never held up: a session advisory lock named after the sweep lets one replica sweep while the others
 * skip that run, and the sweep is a loop of short transactions, each treating one batch of rows the caller's
 * statement takes with {@code FOR UPDATE SKIP LOCKED} (so even two sweeps that met would treat disjoint rows).
 */
@ApplicationScoped
public class Sweeps {

    private static final Logger LOG = Logger.getLogger(Sweeps.class);

    /** First key of the two-key advisory locks of sweeps ("voc" in ASCII); Flyway uses the one-key form. */
    private static final int LOCK_SPACE = 0x766f63;

    private final DataSource dataSource;
    private final MeterRegistry registry;

    public Sweeps(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /**
     * Runs {@code batch} (one batch of at most {@code batchSize} rows, in a transaction of its own) until a batch
     * treats fewer rows, while holding the sweep's lock. Call it outside any transaction.
     *
     * @param name the sweep's name, e.g. {@code response.verbatims}: it names the lock and the metric
     * @return the rows treated, or empty when another replica is running the same sweep
     */
    public OptionalLong run(String name, int batchSize, IntSupplier batch) {
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, name)) {
                LOG.debugf("sweep %s is running elsewhere, skipped", name);
                return OptionalLong.empty();
            }
            try {
                long total = 0;
                while (true) {
                    int treated = QuarkusTransaction.requiringNew().call(batch::getAsInt);
                    total += treated;
                    if (treated < batchSize) {
                        break;
                    }
                }
                registry.counter("voc.retention.rows", "sweep", name).increment(total);
                if (total > 0) {
                    LOG.infof("sweep %s treated %d rows", name, total);
                }
                return OptionalLong.of(total);
            } finally {
                unlock(lock, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sweep " + name + " could not take its lock", e);
        }
    }

    private static boolean tryLock(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            select.setInt(1, LOCK_SPACE);
            select.setString(2, name);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, String name) throws SQLException {
        // Closing a pooled connection keeps the session, and with it a session lock: release it explicitly.
        try (PreparedStatement select = connection.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
            select.setInt(1, LOCK_SPACE);
            select.setString(2, name);
            select.executeQuery().close();
        }
    }
}
