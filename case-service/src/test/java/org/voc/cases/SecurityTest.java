package org.voc.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.voc.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Every /api operation rejects missing and forged tokens and roles it does not allow, with real Keycloak tokens. */
@QuarkusTest
class SecurityTest {

    static Stream<Arguments> operations() {
        String one = "/api/cases/" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("GET", "/api/cases", "designer"),
                Arguments.of("GET", "/api/cases", "nobody"),
                Arguments.of("GET", one, "designer"),
                Arguments.of("GET", one, "nobody"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void missingTokenIs401(String method, String path, String wrongRoleUser) {
        given().request(method, path)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void forgedTokenIs401(String method, String path, String wrongRoleUser) {
        given().auth().oauth2(Tokens.forged("admin")).request(method, path)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("operations")
    void wrongRoleIs403(String method, String path, String wrongRoleUser) {
        given().auth().oauth2(Tokens.user(wrongRoleUser)).request(method, path)
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
