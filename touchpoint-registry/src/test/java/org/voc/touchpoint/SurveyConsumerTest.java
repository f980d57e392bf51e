package org.voc.touchpoint;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.voc.events.SurveyStatusChanged;
import org.voc.events.SurveyVersionPublished;
import org.voc.events.Topics;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.TopicReader;

/** voc.surveys under the inbound-event policy: a poison record goes to voc.surveys.dlq, the next one is applied. */
@QuarkusTest
class SurveyConsumerTest {

    @Inject
    DataSource dataSource;

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextVersionIsApplied() throws Exception {
        UUID survey = UUID.randomUUID();
        String poison = survey + ":poison";
        try (EventProducer producer = new EventProducer()) {
            producer.send(Topics.SURVEYS, 0, poison, SurveyVersionPublished.TYPE.type(), "{\"surveyId\": 42", null);
            producer.publish(
                    SurveyStatusChanged.TYPE.of(new SurveyStatusChanged(survey, "PUBLISHED", 1, Instant.now())),
                    0,
                    UUID.randomUUID().toString());
            producer.publish(
                    SurveyVersionPublished.TYPE.of(new SurveyVersionPublished(
                            survey, 1, "Poison test", List.of("tp-after-poison"), "en", List.of(), Instant.now())),
                    0,
                    UUID.randomUUID().toString());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> versions(survey) == 1);

        try (TopicReader dlq = new TopicReader(Topics.SURVEYS + ".dlq")) {
            List<TopicReader.Event> letters = dlq.awaitAll(
                    e -> e.key() != null && e.key().startsWith(survey.toString()), 1, Duration.ofSeconds(30));
            assertEquals(1, letters.size(), "only the poison record, not the status change this consumer ignores");
            assertEquals(poison, letters.get(0).key());
            assertTrue(letters.get(0).headers().get("dlq-reason").startsWith("unreadable"));
        }
    }

    private long versions(UUID survey) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select count(*) from survey_version where survey_id = ?")) {
            query.setObject(1, survey);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
