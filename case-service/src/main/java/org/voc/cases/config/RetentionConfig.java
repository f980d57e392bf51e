package org.voc.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.voc.kit.retention.ProcessedEventsRetention;
import org.voc.kit.retention.RetentionSettings;

/** How long case-service keeps finished cases and tallied response ids (docs/operations.md, "Retention"). */
@ConfigMapping(prefix = "voc.retention")
public interface RetentionConfig extends RetentionSettings {

    /**
     * Age, counted from opening (also for cases closed later: cases close within weeks, so none is kept much past
     * the limit), after which RESOLVED and CLOSED cases are deleted; cases being worked are kept. Unset (the
     * default): kept until the customer is erased, and then kept anonymised.
     */
    Optional<Duration> closedCases();

    /** The ids of responses already tallied: needed only while voc.responses can still deliver them again. */
    ProcessedResponses processedResponses();

    /** Retention of {@code processed_response}, tied to the retention of {@code voc.responses}. */
    interface ProcessedResponses extends ProcessedEventsRetention.Settings {

        /** Whether old processed responses are deleted at all. */
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
