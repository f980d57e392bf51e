package org.voc.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access rules every /api operation keeps, checked with real Keycloak tokens: no token → 401, a forged
 * signature → 401, a caller without an allowed role → 403, each as problem details. A service's test extends this
 * and declares {@code static Stream<Arguments> operations()} built with {@link #operation}. Operations that are
 * public on purpose (a respondent's invitation link) are listed apart, by overriding {@link #publicOperations()}:
 * they must answer without a token, and a stray bearer token must not change that.
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

    /** A public operation and the status it answers to a caller without a token (e.g. 404 for a made-up link). */
    public record PublicOperation(String method, String path, String body, String contentType, int status) {}

    /** The operations that need no token; none unless a service overrides this. */
    protected List<PublicOperation> publicOperations() {
        return List.of();
    }

    @TestFactory
    public Stream<DynamicTest> publicOperationsNeedNoToken() {
        return publicOperations().stream()
                .map(op -> DynamicTest.dynamicTest(op.method() + " " + op.path(), () -> {
                    publicRequest(op).request(op.method(), op.path()).then().statusCode(op.status());
                    publicRequest(op)
                            .auth()
                            .oauth2(Tokens.forged("admin"))
                            .request(op.method(), op.path())
                            .then()
                            .statusCode(op.status());
                }));
    }

    private static RequestSpecification publicRequest(PublicOperation op) {
        RequestSpecification spec = given().contentType(op.contentType());
        return op.body() == null ? spec : spec.body(op.body());
    }

    private static RequestSpecification request(String body) {
        // If-Match lets conditional writes reach their role check instead of stopping at 428.
        RequestSpecification spec = given().contentType(ContentType.JSON).header("If-Match", "\"0\"");
        return body == null ? spec : spec.body(body);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    public void missingTokenIs401(String method, String path, String body, String refusedTo) {
        request(body)
                .request(method, path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    public void forgedTokenIs401(String method, String path, String body, String refusedTo) {
        request(body)
                .auth()
                .oauth2(Tokens.forged("admin"))
                .request(method, path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} {1} as {3}")
    @MethodSource("operations")
    public void callerWithoutAnAllowedRoleIs403(String method, String path, String body, String refusedTo) {
        String token = INGEST_CLIENT.equals(refusedTo) ? Tokens.ingestClient() : Tokens.user(refusedTo);
        request(body)
                .auth()
                .oauth2(token)
                .request(method, path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
