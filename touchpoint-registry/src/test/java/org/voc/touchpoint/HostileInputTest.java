package org.voc.touchpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.voc.testsupport.Tokens;

/** Parameters PostgreSQL cannot compare are a 400 naming the parameter, never a 500 (they once were). */
@QuarkusTest
class HostileInputTest {

    @ParameterizedTest
    @CsvSource({
        "/api/touchpoints/card%00delivery, path",
        "/api/touchpoints/by-ref?system=crm&ref=card%00delivered, ref",
        "/api/journeys?touchpoint=card%00delivery, touchpoint",
        "/api/coverage?tag=k%00yc, tag"
    })
    void nulInAParameterIsRefusedNamingIt(String uri, String field) {
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(Tokens.user("analyst"))
                .get(uri)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo("must not contain NUL characters"));
    }

    @Test
    void aForgedCursorIsRefusedNamingIt() {
        char nul = 0;
        expectBadCursor("updatedAt", "+999999999-12-31T00:00:00Z" + nul + "some-key");
        expectBadCursor("name", "forged" + nul + "name" + nul + "some-key");
    }

    private static void expectBadCursor(String sort, String decoded) {
        String cursor =
                Base64.getUrlEncoder().withoutPadding().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParam("sort", sort)
                .queryParam("after", cursor)
                .get("/api/touchpoints")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }
}
