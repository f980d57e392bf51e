package org.voc.kit.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Retention of a consumer's processed-event table (the ids it has applied, kept so that a re-delivered record is
 * not applied twice). A record can only be re-delivered while its topic still holds it, so a row older than the
 * longest a record stays on the topic ({@code retention.ms} plus {@code segment.ms}, see {@link TopicRetention})
 * guards against nothing: rows are deleted once older than that plus a margin. It is read from the broker at every
 * sweep (it may change); when the broker cannot tell, the configured fallback applies; a topic that keeps records
 * forever keeps the rows forever.
 *
 * <p>A service declares one per table as a {@link RetentionRule} bean (a producer method), e.g. metrics-service for
 * {@code processed_event} and {@code voc.responses}; index the time column, the sweep reads by it.
 */
public final class ProcessedEventsRetention implements RetentionRule {

    private static final Logger LOG = Logger.getLogger(ProcessedEventsRetention.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /** Where the rows are, and which topic's records they guard. */
    public record Table(String name, String idColumn, String timeColumn, String topic) {

        public Table {
            for (String identifier : new String[] {name, idColumn, timeColumn}) {
                if (!IDENTIFIER.matcher(identifier).matches()) {
                    throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
                }
            }
        }
    }

    /** The configured part: whether the sweep runs, the margin past the topic's retention, the fallback. */
    public interface Settings {

        /** Whether processed events are deleted at all. */
        boolean enabled();

        /** Kept this long past the topic's retention: covers clock skew and a record's time on the broker. */
        Duration margin();

        /** How long a record may stay on the topic (retention plus segment roll) when the broker cannot be asked. */
        Duration fallbackTopicRetention();
    }

    private final String name;
    private final Table table;
    private final Settings settings;
    private final TopicRetention topics;
    private final DataSource dataSource;
    private final String delete;

    public ProcessedEventsRetention(
            String name, Table table, Settings settings, TopicRetention topics, DataSource dataSource) {
        this.name = name;
        this.table = table;
        this.settings = settings;
        this.topics = topics;
        this.dataSource = dataSource;
        this.delete = "delete from " + table.name() + " where " + table.idColumn() + " in (select "
                + table.idColumn() + " from " + table.name() + " where " + table.timeColumn() + " < ? limit ?"
                + " for update skip locked)";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Duration> limit() {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        TopicRetention.Answer answer = topics.of(table.topic());
        Duration retention;
        if (answer instanceof TopicRetention.Kept kept) {
            retention = kept.longest();
        } else if (answer instanceof TopicRetention.Unknown unknown) {
            LOG.warnf(
                    "the retention of %s is unknown (%s): %s assumes %s",
                    table.topic(), unknown.reason(), name, settings.fallbackTopicRetention());
            retention = settings.fallbackTopicRetention();
        } else {
            LOG.debugf("%s keeps its records forever, so %s keeps every row", table.topic(), table.name());
            return Optional.empty();
        }
        return TopicRetention.plus(retention, settings.margin());
    }

    @Override
    public int apply(Instant before, int batchSize) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(delete)) {
            statement.setObject(1, before.atOffset(ZoneOffset.UTC));
            statement.setInt(2, batchSize);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete old rows of " + table.name(), e);
        }
    }
}
