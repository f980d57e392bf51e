package org.voc.cases.causes.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.voc.cases.config.RetentionConfig;
import org.voc.events.Topics;
import org.voc.kit.retention.ProcessedEventsRetention;
import org.voc.kit.retention.RetentionRule;
import org.voc.kit.retention.TopicRetention;

/** Declares the kit's processed-event retention for the response tally's {@code processed_response} (V10). */
@ApplicationScoped
public class ProcessedResponsesRetention {

    /** The sweep's name: its lock and its {@code voc.retention.rows} metric. */
    public static final String NAME = "case.processed-responses";

    @Produces
    @Singleton
    RetentionRule processedResponses(RetentionConfig config, TopicRetention topics, AgroalDataSource dataSource) {
        return new ProcessedEventsRetention(
                NAME,
                new ProcessedEventsRetention.Table(
                        "processed_response", "response_id", "processed_at", Topics.RESPONSES),
                config.processedResponses(),
                topics,
                dataSource);
    }
}
