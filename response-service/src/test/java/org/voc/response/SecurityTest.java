package org.voc.response;

import static org.voc.testsupport.AccessContract.operation;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.voc.testsupport.AccessContract;

/**
 * Every /api operation of the response service and callers it must refuse (docs/security.md has the role matrix),
 * and the respondent endpoints that are public on purpose: a made-up token is a 404, with or without a bearer.
 */
@QuarkusTest
class SecurityTest extends AccessContract {

    private static final String MADE_UP_TOKEN = "eyJhbGciOiJFUzI1NiIsImtpZCI6Im5vbmUifQ.e30.c2ln";

    @Override
    protected List<PublicOperation> publicOperations() {
        String answers = "{\"answers\": [{\"questionId\": \"nps\", \"score\": 9}]}";
        return List.of(
                new PublicOperation("GET", "/api/respond/" + MADE_UP_TOKEN, null, "application/json", 404),
                new PublicOperation("POST", "/api/respond/" + MADE_UP_TOKEN, answers, "application/json", 404),
                new PublicOperation("GET", "/s/" + MADE_UP_TOKEN, null, "text/plain", 404),
                new PublicOperation("POST", "/s/" + MADE_UP_TOKEN, "q.nps=9", "application/x-www-form-urlencoded", 404),
                new PublicOperation("GET", "/s/" + MADE_UP_TOKEN + "/thanks", null, "text/plain", 404));
    }

    static Stream<Arguments> operations() {
        // A well-formed body for a survey that does not exist: no role check may depend on the replica.
        String body = Surveys.json(Surveys.body(UUID.randomUUID(), "card-delivery"));
        String read = "/api/responses/" + UUID.randomUUID();
        return Stream.of(
                operation("POST", "/api/responses", body, "analyst"),
                operation("POST", "/api/responses", body, "designer"),
                operation("GET", read, null, "nobody"),
                operation("GET", read, null, "agent"),
                operation("GET", read, null, INGEST_CLIENT));
    }
}
