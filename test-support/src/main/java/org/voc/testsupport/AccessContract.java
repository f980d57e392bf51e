package org.voc.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The access rules every /api operation keeps, checked with real Keycloak tokens: no token → 401, a forged
 * signature → 401, a caller without an allowed role → 403, each as problem details. A service's test extends this
 * and declares {@code static Stream<Arguments> operations()} built with {@link #operation}.
 */
public abstract class AccessContract {

    /** The machine client's name in {@link #operation}'s {@code refusedTo}. */
    public static final String INGEST_CLIENT = "voc-ingest";

    /**
     * One operation and a caller it must refuse: a demo user ({@code analyst}, {@code nobody}, …) or
     * {@link #INGEST_CLIENT}. {@code body} may be null.
     */
    public static Arguments operation(String method, String path, String body, String refusedTo) {
        return Arguments.of(method, path, body, refusedTo);
    }

    private static RequestSpecification request(String body) {
        // If-Match lets conditional writes reach their role check instead of stopping at 428.
        RequestSpecification spec = given().contentType(ContentType.JSON).header("If-Match", "\"0\"");
        return body == null ? spec : spec.body(body);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    public void missingTokenIs401(String method, String path, String body, String refusedTo) {
        request(body).request(method, path)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    public void forgedTokenIs401(String method, String path, String body, String refusedTo) {
        request(body).auth().oauth2(Tokens.forged("admin")).request(method, path)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} {1} as {3}")
    @MethodSource("operations")
    public void callerWithoutAnAllowedRoleIs403(String method, String path, String body, String refusedTo) {
        String token = INGEST_CLIENT.equals(refusedTo) ? Tokens.ingestClient() : Tokens.user(refusedTo);
        request(body).auth().oauth2(token).request(method, path)
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
