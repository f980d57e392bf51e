package org.voc.survey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voc.survey.Distribution.as;
import static org.voc.survey.Distribution.decide;
import static org.voc.survey.Distribution.ingest;
import static org.voc.survey.Distribution.interaction;
import static org.voc.survey.Distribution.invitingSurvey;
import static org.voc.survey.Distribution.touchpoint;
import static org.voc.survey.Distribution.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Contact governance through the API, at both edges of each window: an invitation counts when its interaction is
 * strictly closer than the window, so exactly one window away is invited and one second less is not. The tests
 * keep the default policy (3 invitations in P30D) and place interactions in the past, within the rules' TTL.
 */
@QuarkusTest
class ContactRulesTest {

    private static final Duration WINDOW = Duration.ofDays(30);

    @Inject
    DataSource db;

    @Test
    void fatigueCapAtBothEdgesAndOutOfOrder() {
        String tp = touchpoint(db);
        invitingSurvey(tp, 1.0, "P90D", "P0D");
        String customer = unique("cust");
        Instant base = Instant.now().minus(Duration.ofDays(50)).truncatedTo(ChronoUnit.SECONDS);
        assertEquals("INVITED", decide(customer, tp, base));
        assertEquals("INVITED", decide(customer, tp, base.plus(Duration.ofDays(1))));
        assertEquals("INVITED", decide(customer, tp, base.plus(Duration.ofDays(2))));
        // One second inside the window of the first: three invitations around it.
        Instant inside = base.plus(WINDOW).minusSeconds(1);
        ingest().body(interaction(unique("visit"), customer, tp, inside))
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .body("reason", equalTo("FATIGUE_CAP"))
                .body("explanation", containsString("3 invitations in the 30 days around " + inside + " (cap 3)"));
        // Exactly one window after the first: it no longer counts.
        assertEquals("INVITED", decide(customer, tp, base.plus(WINDOW)));
        // An interaction replayed from before the others: the invitations after it count just the same.
        assertEquals("FATIGUE_CAP", decide(customer, tp, base.minus(Duration.ofDays(1))));
    }

    @Test
    void minimumGapAtBothEdgesAndOutOfOrder() {
        String tp = touchpoint(db);
        invitingSurvey(tp, 1.0, "P90D", "P30D");
        String customer = unique("cust");
        Instant base = Instant.now().minus(Duration.ofDays(50)).truncatedTo(ChronoUnit.SECONDS);
        assertEquals("INVITED", decide(customer, tp, base));
        assertEquals("MIN_GAP", decide(customer, tp, base.plus(WINDOW).minusSeconds(1)));
        assertEquals("INVITED", decide(customer, tp, base.plus(WINDOW)));
        assertEquals("MIN_GAP", decide(customer, tp, base.minus(Duration.ofDays(29))), "symmetric: before counts too");
        assertEquals("MIN_GAP", decide(customer, tp, base.plus(Duration.ofDays(15))));
        assertEquals("INVITED", decide(customer, tp, base.minus(WINDOW)));
    }

    @Test
    void concurrentInteractionsOfOneCustomerNeverExceedTheCap() throws Exception {
        String tp = touchpoint(db);
        invitingSurvey(tp, 1.0, "P7D", "P0D");
        String customer = unique("cust");
        Instant t = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = i;
                outcomes.add(pool.submit(() -> decide(customer, tp, t.plusSeconds(n))));
            }
            Map<String, Long> counts = new TreeMap<>();
            for (Future<String> outcome : outcomes) {
                counts.merge(outcome.get(), 1L, Long::sum);
            }
            assertEquals(Map.of("FATIGUE_CAP", 27L, "INVITED", 3L), counts);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void contactPolicyHasDefaultsAndIsValidated() {
        as("analyst")
                .get("/api/contact-policy")
                .then()
                .statusCode(200)
                .body("maxInvitations", equalTo(3))
                .body("window", equalTo("P30D"));
        // The tests rely on 3 in P30D: setting the same values keeps them.
        as("admin")
                .body("{\"maxInvitations\": 3, \"window\": \"P30D\"}")
                .put("/api/contact-policy")
                .then()
                .statusCode(200)
                .body("defaults", equalTo(false))
                .body("window", equalTo("P30D"));
        as("designer").get("/api/contact-policy").then().statusCode(200).body("defaults", equalTo(false));
        as("admin")
                .body("{\"maxInvitations\": 0, \"window\": \"P1000D\"}")
                .put("/api/contact-policy")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("maxInvitations"))
                .body("errors.field", hasItem("window"));
        as("admin")
                .body("{\"maxInvitations\": 3, \"window\": \"a month\"}")
                .put("/api/contact-policy")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("window"));
        as("admin")
                .body("{\"window\": \"P30D\"}")
                .put("/api/contact-policy")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("maxInvitations"));
    }
}
