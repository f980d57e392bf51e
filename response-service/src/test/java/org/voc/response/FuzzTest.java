package org.voc.response;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.voc.testsupport.openapi.FuzzSuite;

/** Every operation of the published API under generated and mutated input: no 5xx, every 4xx a problem. */
@QuarkusTest
class FuzzTest extends FuzzSuite {

    /** The survey of the OpenAPI examples, so that example-based submissions get past the replica to the writer. */
    private static final UUID EXAMPLE_SURVEY = UUID.fromString("5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50");

    @BeforeEach
    void replicateTheExampleSurvey() {
        Surveys.publish(EXAMPLE_SURVEY, 1, List.of("card-delivery"), Surveys.standardQuestions(), null);
        Surveys.awaitAccepted(Surveys.body(EXAMPLE_SURVEY, "card-delivery"));
    }
}
