package org.voc.touchpoint;

import static org.voc.testsupport.AccessContract.operation;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.voc.testsupport.AccessContract;

import io.quarkus.test.junit.QuarkusTest;

/** Every /api operation of the registry and a caller it must refuse (docs/security.md has the role matrix). */
@QuarkusTest
class SecurityTest extends AccessContract {

    static Stream<Arguments> operations() {
        String body = TouchpointApiTest.body("sec-check", "WEB", "web-team");
        return Stream.of(
                operation("POST", "/api/touchpoints", body, "analyst"),
                operation("POST", "/api/touchpoints", body, INGEST_CLIENT),
                operation("PUT", "/api/touchpoints/sec-check", body, "agent"),
                operation("GET", "/api/touchpoints/sec-check", null, "nobody"),
                operation("GET", "/api/touchpoints", null, "nobody"),
                operation("GET", "/api/touchpoints", null, INGEST_CLIENT));
    }
}
