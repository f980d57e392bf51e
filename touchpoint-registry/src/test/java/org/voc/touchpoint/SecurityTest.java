package org.voc.touchpoint;

import static org.voc.testsupport.AccessContract.operation;

import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.voc.testsupport.AccessContract;

/** Every /api operation of the registry and a caller it must refuse (docs/security.md has the role matrix). */
@QuarkusTest
class SecurityTest extends AccessContract {

    static Stream<Arguments> operations() {
        String body = TouchpointApiTest.body("sec-check", "WEB", "web-team");
        String team = Api.team("sec-team", "UTC");
        String journey = "{\"key\": \"sec-journey\", \"name\": \"x\", \"stages\": []}";
        String rows = "[" + body + "]";
        return Stream.of(
                operation("POST", "/api/touchpoints", body, "analyst"),
                operation("POST", "/api/touchpoints", body, INGEST_CLIENT),
                operation("PUT", "/api/touchpoints/sec-check", body, "agent"),
                operation("GET", "/api/touchpoints/sec-check", null, "nobody"),
                operation("GET", "/api/touchpoints", null, "nobody"),
                operation("GET", "/api/touchpoints", null, INGEST_CLIENT),
                operation("GET", "/api/touchpoints/by-ref?system=crm&ref=x", null, "nobody"),
                operation("GET", "/api/touchpoints/by-ref?system=crm&ref=x", null, INGEST_CLIENT),
                operation("GET", "/api/touchpoints/sec-check/history", null, "agent"),
                operation("POST", "/api/touchpoints/import?mode=dry-run", rows, "analyst"),
                operation("POST", "/api/touchpoints/import?mode=dry-run", rows, "agent"),
                operation("POST", "/api/touchpoints/import?mode=apply", rows, "analyst"),
                operation("POST", "/api/touchpoints/import?mode=apply", rows, INGEST_CLIENT),
                operation("POST", "/api/teams", team, "analyst"),
                operation("PUT", "/api/teams/sec-team", team, "agent"),
                operation("GET", "/api/teams/sec-team", null, "nobody"),
                operation("GET", "/api/teams", null, INGEST_CLIENT),
                operation("POST", "/api/journeys", journey, "analyst"),
                operation("PUT", "/api/journeys/sec-journey", journey, "agent"),
                operation("DELETE", "/api/journeys/sec-journey", null, "analyst"),
                operation("GET", "/api/journeys/sec-journey", null, "nobody"),
                operation("GET", "/api/journeys", null, INGEST_CLIENT),
                operation("GET", "/api/journeys/sec-journey/coverage", null, "agent"),
                operation("GET", "/api/coverage", null, "agent"),
                operation("GET", "/api/coverage", null, INGEST_CLIENT));
    }
}
