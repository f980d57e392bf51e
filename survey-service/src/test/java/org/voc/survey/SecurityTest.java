package org.voc.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;
import java.util.stream.Stream;

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
        String body = SurveyApiTest.body("sec-check");
        String survey = "/api/surveys/" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("POST", "/api/surveys", body, "analyst"),
                Arguments.of("PUT", survey, body, "analyst"),
                Arguments.of("POST", survey + "/publish", null, "analyst"),
                Arguments.of("GET", survey, null, "agent"),
                Arguments.of("GET", survey + "/versions/1", null, "agent"),
                Arguments.of("GET", "/api/surveys", null, "nobody"));
    }

    private static RequestSpecification request(String body) {
        RequestSpecification spec = given().contentType(ContentType.JSON).header("If-Match", "\"0\"");
        return body == null ? spec : spec.body(body);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void missingTokenIs401(String method, String path, String body, String wrongRoleUser) {
        request(body).request(method, path)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void forgedTokenIs401(String method, String path, String body, String wrongRoleUser) {
        request(body).auth().oauth2(Tokens.forged("admin")).request(method, path)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void wrongRoleIs403(String method, String path, String body, String wrongRoleUser) {
        request(body).auth().oauth2(Tokens.user(wrongRoleUser)).request(method, path)
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void machineClientsCannotTouchSurveys(String method, String path, String body, String wrongRoleUser) {
        request(body).auth().oauth2(Tokens.ingestClient()).request(method, path)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
