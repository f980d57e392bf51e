package org.voc.touchpoint.bench;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

/**
 * Imports a realistic touchpoint audit (~2,000 rows over six journeys) from CSV in one call and prints the wall
 * time and rows per second of the dry run, the first application and a re-application with changes. Not part of
 * the normal test phase; run it with
 * {@code ./mvnw -B -o verify -pl touchpoint-registry -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and copy the figures into docs/performance.md.
 */
@QuarkusTest
class ImportBenchmark {

    static final int ROWS = 2_000;
    static final String[] CHANNELS = {
        "WEB",
        "MOBILE_APP",
        "EMAIL",
        "SMS",
        "PHONE_IVR",
        "CONTACT_CENTER",
        "CHAT",
        "BRANCH",
        "FIELD_SERVICE",
        "SOCIAL",
        "REVIEW_SITE",
        "MARKETPLACE",
        "MYSTERY_SHOPPING",
        "IN_PRODUCT"
    };
    static final String[] STAGES = {
        "AWARENESS", "CONSIDERATION", "PURCHASE", "ONBOARDING", "USAGE", "SERVICE", "RENEWAL", "LOYALTY", "CHURN"
    };
    static final String[] SEGMENTS = {"RETAIL", "SME", "CORPORATE", "PRIVATE", "STUDENT", "SENIOR"};
    static final String[] JOURNEYS = {
        "card-onboarding", "mortgage", "account-opening", "claims", "travel-insurance", "wealth-advice"
    };
    static final String[] JOURNEY_STAGES = {"Discover", "Apply", "Start", "Use", "Get help", "Renew or leave"};

    @Test
    void importsARealisticAudit() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (String journey : JOURNEYS) {
            StringBuilder stages = new StringBuilder();
            for (String stage : JOURNEY_STAGES) {
                stages.append(stages.length() == 0 ? "" : ", ")
                        .append("{\"name\": \"")
                        .append(stage)
                        .append("\", \"touchpointKeys\": []}");
            }
            given().auth()
                    .oauth2(Tokens.user("designer"))
                    .contentType(ContentType.JSON)
                    .body("{\"key\": \"" + journey + "-" + run + "\", \"name\": \"" + journey + "\", \"stages\": ["
                            + stages + "]}")
                    .post("/api/journeys")
                    .then()
                    .statusCode(201);
        }
        String first = audit(run, 0);
        String second = audit(run, 1);
        measure("dry-run", first, "dry-run", ROWS);
        measure("apply (2,000 new touchpoints)", first, "apply", ROWS);
        measure("apply again (2,000 changed rows)", second, "apply", 0);
        for (String path : new String[] {"/api/journeys/" + JOURNEYS[0] + "-" + run + "/coverage", "/api/coverage"}) {
            long start = System.nanoTime();
            int touchpoints = given().auth()
                    .oauth2(Tokens.user("analyst"))
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("touchpoints");
            System.out.printf(
                    "COVERAGE BENCHMARK %-36s %,d touchpoints in scope: %.2f s wall%n",
                    path, touchpoints, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void measure(String what, String csv, String mode, int created) {
        long start = System.nanoTime();
        var response = given().auth()
                .oauth2(Tokens.user("designer"))
                .contentType("text/csv")
                .queryParam("mode", mode)
                .body(csv)
                .post("/api/touchpoints/import");
        double seconds = (System.nanoTime() - start) / 1e9;
        response.then().statusCode(200).body("errors.size()", equalTo(0)).body("created", equalTo(created));
        System.out.printf(
                "IMPORT BENCHMARK %-36s %,d rows, %,d bytes: %.2f s wall, %,.0f rows/s%n",
                what, ROWS, csv.length(), seconds, ROWS / seconds);
    }

    /** A generated audit; {@code version} 1 renames every touchpoint and moves a third of them to another team. */
    static String audit(String run, int version) {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("key,name,description,channel,journeyStage,signalKind,segments,product,"
                + "ownerTeam,status,responsible,accountable,consulted,informed,tags,externalRefs,journeys\n");
        for (int i = 0; i < ROWS; i++) {
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            String stage = STAGES[random.nextInt(STAGES.length)];
            String signal = random.nextInt(10) < 6 ? "DIRECT" : random.nextBoolean() ? "INDIRECT" : "INFERRED";
            List<String> segments = new ArrayList<>();
            for (String segment : SEGMENTS) {
                if (random.nextInt(3) == 0) {
                    segments.add(segment);
                }
            }
            int journey = random.nextInt(JOURNEYS.length);
            String team = "team-" + (version == 1 && i % 3 == 0 ? (i + 1) % 40 : i % 40);
            String journeys =
                    JOURNEYS[journey] + "-" + run + "/" + JOURNEY_STAGES[random.nextInt(JOURNEY_STAGES.length)];
            if (random.nextInt(4) == 0) {
                journeys += "|" + JOURNEYS[(journey + 1) % JOURNEYS.length] + "-" + run + "/"
                        + JOURNEY_STAGES[random.nextInt(JOURNEY_STAGES.length)];
            }
            csv.append(String.join(
                            ",",
                            "bench-" + run + "-" + i,
                            "\"" + (version == 1 ? "Renamed " : "") + channel.toLowerCase() + " touchpoint " + i + ", "
                                    + stage.toLowerCase() + "\"",
                            "\"Where the customer meets us on " + channel.toLowerCase() + " during "
                                    + stage.toLowerCase() + "\"",
                            channel,
                            stage,
                            signal,
                            String.join("|", segments),
                            "product-" + (i % 12),
                            team,
                            i % 50 == 0 ? "PLANNED" : "ACTIVE",
                            team,
                            "head-of-" + JOURNEYS[journey],
                            "cx-design",
                            "cx-analytics|" + team,
                            "bench-" + run + "|" + JOURNEYS[journey],
                            "crm:bench." + run + "." + i + (i % 5 == 0 ? "|app:screen." + run + "." + i : ""),
                            journeys))
                    .append('\n');
        }
        return csv.toString();
    }
}
