package org.voc.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

/** Parameters PostgreSQL cannot compare are a 400 naming the parameter, never a 500 (they once were). */
@QuarkusTest
class HostileInputTest {

    @Test
    void nulInACustomerReferenceIsRefusedNamingIt() {
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/decisions?customerRef=cust%0042")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("customerRef"));
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(Tokens.user("admin"))
                .delete("/api/opt-outs/cust%0042")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("path"));
    }
}
