package org.voc.metrics.config;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.voc.events.Topics;
import org.voc.kit.retention.ProcessedEventsRetention;
import org.voc.kit.retention.RetentionRule;
import org.voc.kit.retention.TopicRetention;

/** Declares the kit's processed-event retention for the NPS consumer's {@code processed_event} (V1). */
@ApplicationScoped
public class ProcessedEventRetentionRule {

    /** The sweep's name: its lock and its {@code voc.retention.rows} metric. */
    public static final String NAME = "metrics.processed-events";

    @Produces
    @Singleton
    RetentionRule processedEvents(RetentionConfig config, TopicRetention topics, AgroalDataSource dataSource) {
        return new ProcessedEventsRetention(
                NAME,
                new ProcessedEventsRetention.Table("processed_event", "event_id", "processed_at", Topics.RESPONSES),
                config.processedEvents(),
                topics,
                dataSource);
    }
}
