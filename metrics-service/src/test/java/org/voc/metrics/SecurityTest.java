package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.voc.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Every /api operation rejects missing and forged tokens and roles it does not allow, with real Keycloak tokens. */
@QuarkusTest
class SecurityTest {

    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of("GET", "/api/metrics/nps?touchpoint=sec-check", "agent"),
                Arguments.of("GET", "/api/metrics/nps?touchpoint=sec-check", "designer"),
                Arguments.of("GET", "/api/metrics/nps?touchpoint=sec-check", "nobody"));
    }

    private static RequestSpecification request() {
        return given().accept("application/json");
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("operations")
    void missingTokenIs401(String method, String path, String wrongRoleUser) {
        request().request(method, path)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("operations")
    void forgedTokenIs401(String method, String path, String wrongRoleUser) {
        request().auth().oauth2(Tokens.forged("admin")).request(method, path)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("operations")
    void wrongRoleIs403(String method, String path, String wrongRoleUser) {
        request().auth().oauth2(Tokens.user(wrongRoleUser)).request(method, path)
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
