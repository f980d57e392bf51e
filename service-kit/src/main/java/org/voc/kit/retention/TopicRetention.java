package org.voc.kit.retention;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How long the broker may keep a topic's records, asked with the Admin API and the service's own Kafka settings (so
 * TLS and SASL apply as for its consumers). The broker deletes whole segments once their newest record is older than
 * {@code retention.ms}, and rolls a segment after {@code segment.ms} at the latest, so a record can stay up to the sum
 * of the two (the topic's own values or the broker's defaults). A short-lived client per question: retention sweeps
 * ask once an hour.
 */
@ApplicationScoped
public class TopicRetention {

    private static final Logger LOG = Logger.getLogger(TopicRetention.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long UNKNOWN = Long.MIN_VALUE;

    /** What the broker answered. */
    public sealed interface Answer {}

    /** Records are deleted after {@code retention}, in segments rolled after {@code segmentRoll} at the latest. */
    public record Kept(Duration retention, Duration segmentRoll) implements Answer {

        /** The longest a record can stay on the broker. */
        public Duration longest() {
            return retention.plus(segmentRoll);
        }
    }

    /** {@code retention.ms = -1}: records are never deleted for age. */
    public record Forever() implements Answer {}

    /** The broker could not be asked, or did not know the topic: the reason, for the log. */
    public record Unknown(String reason) implements Answer {}

    private final Map<String, Object> kafkaConfig;
    private final String application;

    public TopicRetention(
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.kafkaConfig = kafkaConfig;
        this.application = application;
    }

    /** Asks the broker for the topic's {@code retention.ms}; never throws. */
    public Answer of(String topic) {
        Map<String, Object> props = new HashMap<>();
        // The broker settings hold every kafka.* property, consumer and producer ones too: the Admin client only
        // warns about those it does not know.
        props.putAll(kafkaConfig);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, application + "-retention");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(props)) {
            Config config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(resource);
            long retention = millis(config, TopicConfig.RETENTION_MS_CONFIG);
            long segment = millis(config, TopicConfig.SEGMENT_MS_CONFIG);
            if (retention == UNKNOWN || segment == UNKNOWN) {
                return new Unknown("the broker reported no retention.ms or segment.ms for " + topic);
            }
            return retention < 0 ? new Forever() : new Kept(Duration.ofMillis(retention), Duration.ofMillis(segment));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unknown("interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            LOG.debugf(cause, "could not read the retention of %s", topic);
            return new Unknown(cause.toString());
        }
    }

    private static long millis(Config config, String name) {
        ConfigEntry entry = config == null ? null : config.get(name);
        if (entry == null || entry.value() == null) {
            return UNKNOWN;
        }
        try {
            return Long.parseLong(entry.value());
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    static Optional<Duration> plus(Duration a, Duration b) {
        try {
            return Optional.of(a.plus(b));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
