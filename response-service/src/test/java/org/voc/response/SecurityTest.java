package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.voc.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Every /api operation rejects missing and forged tokens and roles it does not allow, with real Keycloak tokens. */
@QuarkusTest
class SecurityTest {

    static Stream<Arguments> operations() {
        // A well-formed body for a survey that does not exist: no role check may depend on the replica.
        String body = Surveys.json(Surveys.body(UUID.randomUUID(), "card-delivery"));
        String read = "/api/responses/" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("POST", "/api/responses", body, "analyst"),
                Arguments.of("POST", "/api/responses", body, "designer"),
                Arguments.of("GET", read, null, "nobody"),
                Arguments.of("GET", read, null, "agent"));
    }

    private static RequestSpecification request(String body) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return body == null ? spec : spec.body(body);
    }

    @ParameterizedTest(name = "{0} {1} as {3}")
    @MethodSource("operations")
    void missingTokenIs401(String method, String path, String body, String wrongRoleUser) {
        request(body).request(method, path)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0} {1} as {3}")
    @MethodSource("operations")
    void forgedTokenIs401(String method, String path, String body, String wrongRoleUser) {
        request(body).auth().oauth2(Tokens.forged("admin")).request(method, path)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} {1} as {3}")
    @MethodSource("operations")
    void wrongRoleIs403(String method, String path, String body, String wrongRoleUser) {
        request(body).auth().oauth2(Tokens.user(wrongRoleUser)).request(method, path)
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void theIngestClientMaySubmitButNotRead() {
        given().auth().oauth2(Tokens.ingestClient()).get("/api/responses/" + UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
    }
}
