package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Readiness covers PostgreSQL, from whose roll-ups every query is answered, and not Kafka, whose outage only makes
 * the figures late (docs/operations.md, "Readiness and Kafka").
 */
@QuarkusTest
class ReadinessTest {

    @Test
    void readinessChecksTheDatabaseButNotTheBroker() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("Kafka connection health check")));
    }
}
