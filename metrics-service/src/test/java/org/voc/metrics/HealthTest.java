package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness covers what the service cannot work without: PostgreSQL, the Kafka broker and the consumer channel. */
@QuarkusTest
class HealthTest {

    @Test
    void readinessChecksDatabaseBrokerAndChannel() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        hasItems(
                                "Database connections health check",
                                "Kafka connection health check",
                                "SmallRye Reactive Messaging - readiness check"));
    }
}
