package org.voc.survey;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.openapi.FuzzSuite;

/** Every operation of the published API under generated and mutated input: no 5xx, every 4xx a problem. */
@QuarkusTest
class FuzzTest extends FuzzSuite {

    /** The fuzzer sets the one global contact policy at random; the other tests rely on 3 in P30D. */
    @AfterEach
    void restoreContactPolicy() {
        given().auth()
                .oauth2(Tokens.user("admin"))
                .contentType("application/json")
                .body("{\"maxInvitations\": 3, \"window\": \"P30D\"}")
                .put("/api/contact-policy")
                .then()
                .statusCode(200);
    }
}
