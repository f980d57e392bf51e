package org.voc.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.kit.retention.ProcessedEventsRetention;
import org.voc.kit.retention.Retention;
import org.voc.kit.retention.TopicRetention;
import org.voc.metrics.config.RetentionConfig;
import org.voc.testsupport.TestInfra;

/**
 * Retention of per-event rows: processed responses once voc.responses can no longer deliver them again (its
 * retention and segment roll read from the real broker), and the funnel's invitation rows after their configured
 * age.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    AgroalDataSource db;

    @Inject
    TopicRetention topics;

    @Inject
    RetentionConfig config;

    @Test
    void processedEventsOlderThanTheTopicsRetentionAreDeletedYoungOnesKept() throws Exception {
        Duration topicRetention = longestOnResponses();
        Instant now = Instant.now();
        Instant limit = now.minus(topicRetention).minus(config.processedEvents().margin());
        UUID old = insertProcessed(limit.minus(1, ChronoUnit.HOURS));
        UUID young = insertProcessed(limit.plus(1, ChronoUnit.HOURS));
        UUID recent = insertProcessed(now.minus(1, ChronoUnit.HOURS));

        retention.sweep(now);

        assertFalse(exists("processed_event", "event_id", old));
        assertTrue(exists("processed_event", "event_id", young));
        assertTrue(exists("processed_event", "event_id", recent));
    }

    @Test
    void theLimitIsTheLongestARecordStaysPlusTheMarginOrTheFallbackWhenTheBrokerCannotTell() throws Exception {
        ProcessedEventsRetention responses = rule(Topics.RESPONSES);
        assertEquals(
                Optional.of(longestOnResponses().plus(Duration.ofDays(1))), responses.limit(), "limit of responses");

        ProcessedEventsRetention unknown = rule("voc.no-such-topic-" + UUID.randomUUID());
        assertEquals(Optional.of(Duration.ofDays(15)), unknown.limit(), "14 days assumed, plus the margin");
    }

    @Test
    void funnelInvitationRowsOlderThanTheirRetentionAreDeleted() throws Exception {
        Instant now = Instant.now();
        Instant limit = now.minus(config.funnelInvitations());
        UUID old = insertInvitation(limit.minus(1, ChronoUnit.DAYS));
        UUID young = insertInvitation(limit.plus(1, ChronoUnit.DAYS));

        retention.sweep(now);

        assertFalse(exists("funnel_invitation", "invitation_id", old));
        assertTrue(exists("funnel_invitation", "invitation_id", young));
    }

    private ProcessedEventsRetention rule(String topic) {
        return new ProcessedEventsRetention(
                "test",
                new ProcessedEventsRetention.Table("processed_event", "event_id", "processed_at", topic),
                config.processedEvents(),
                topics,
                db);
    }

    /** retention.ms plus segment.ms as the broker reports them, asked here without the service's code. */
    private static Duration longestOnResponses() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RESPONSES);
        try (Admin admin = Admin.create(
                Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap()))) {
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            long retention =
                    Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
            long segment =
                    Long.parseLong(config.get(TopicConfig.SEGMENT_MS_CONFIG).value());
            return Duration.ofMillis(retention + segment);
        }
    }

    private UUID insertProcessed(Instant at) throws SQLException {
        UUID id = UUID.randomUUID();
        update("insert into processed_event (event_id, processed_at) values (?, ?)", id, at);
        return id;
    }

    private UUID insertInvitation(Instant at) throws SQLException {
        UUID id = UUID.randomUUID();
        update("insert into funnel_invitation (invitation_id, recorded_at) values (?, ?)", id, at);
        return id;
    }

    private void update(String sql, UUID id, Instant at) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setObject(1, id);
            insert.setObject(2, at.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private boolean exists(String table, String column, UUID id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement select =
                        c.prepareStatement("select count(*) from " + table + " where " + column + " = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        }
    }
}
