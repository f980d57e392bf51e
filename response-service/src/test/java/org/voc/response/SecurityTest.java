package org.voc.response;

import static org.voc.testsupport.AccessContract.operation;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.voc.testsupport.AccessContract;

import io.quarkus.test.junit.QuarkusTest;

/** Every /api operation of the response service and callers it must refuse (docs/security.md has the role matrix). */
@QuarkusTest
class SecurityTest extends AccessContract {

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
