package org.voc.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.voc.kit.retention.ProcessedEventsRetention;
import org.voc.kit.retention.RetentionSettings;

/** How long metrics-service keeps per-event rows (docs/operations.md, "Retention"); the roll-ups stay. */
@ConfigMapping(prefix = "voc.retention")
public interface RetentionConfig extends RetentionSettings {

    /**
     * Age (from when the row was first written) after which an invitation's funnel steps are deleted: it was issued,
     * answered or expired long before, and its counts stay in the roll-up.
     */
    @WithDefault("P400D")
    Duration funnelInvitations();

    /** The ids of responses already counted: needed only while voc.responses can still deliver them again. */
    ProcessedEvents processedEvents();

    /** Retention of {@code processed_event}, tied to the retention of {@code voc.responses}. */
    interface ProcessedEvents extends ProcessedEventsRetention.Settings {

        /** Whether old processed events are deleted at all. */
        @Override
        @WithDefault("true")
        boolean enabled();

        /** Kept this long past the topic's retention: clock skew, and the time a record waits on the broker. */
        @Override
        @WithDefault("P1D")
        Duration margin();

        /**
         * How long a record may stay on voc.responses when the broker cannot be asked: the chart's retention (7 days)
         * plus Kafka's default segment roll (7 days).
         */
        @Override
        @WithDefault("P14D")
        Duration fallbackTopicRetention();
    }
}
