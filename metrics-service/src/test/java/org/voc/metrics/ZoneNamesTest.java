package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

/**
 * Time-zone names that only one of Java and PostgreSQL knows: Java reads the dates, PostgreSQL cuts the periods,
 * and their zone databases are updated apart. Such a name is a 400 naming {@code tz}, never a 500, also on the
 * queries that hand the zone to PostgreSQL (a daily series outside the reporting zone, a funnel series).
 */
@QuarkusTest
class ZoneNamesTest {

    /** A region this JVM learns below, as a JDK with newer tzdata than the database's would know it. */
    static final String JAVA_ONLY = "Voc/Java_Only";

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void teachJavaOneMoreZone() {
        if (ZoneId.getAvailableZoneIds().contains(JAVA_ONLY)) {
            return;
        }
        ZoneRules rules = ZoneRules.of(ZoneOffset.ofHours(3));
        ZoneRulesProvider.registerProvider(new ZoneRulesProvider() {
            @Override
            protected Set<String> provideZoneIds() {
                return Set.of(JAVA_ONLY);
            }

            @Override
            protected ZoneRules provideRules(String zoneId, boolean forCaching) {
                return rules;
            }

            @Override
            protected NavigableMap<String, ZoneRules> provideVersions(String zoneId) {
                return new TreeMap<>(Map.of("test", rules));
            }
        });
    }

    @Test
    void aZoneOnlyJavaKnowsIsRefusedByName() {
        for (String path : List.of("/api/metrics/nps/stats", "/api/metrics/funnel")) {
            given().auth()
                    .oauth2(Tokens.user("analyst"))
                    .queryParams(
                            Map.of("tz", JAVA_ONLY, "from", "2025-03-01", "to", "2025-03-02", "granularity", "day"))
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("tz"))
                    .body("errors[0].message", containsString("database does not"));
        }
        // a zone both know still answers
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParams(
                        Map.of("tz", "Asia/Kolkata", "from", "2025-03-01", "to", "2025-03-02", "granularity", "day"))
                .get("/api/metrics/nps/stats")
                .then()
                .statusCode(200);
    }

    @Test
    void zonesOnlyTheDatabaseKnowsAreRefusedByName() throws SQLException {
        Set<String> java = ZoneId.getAvailableZoneIds();
        List<String> databaseOnly = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select name from pg_timezone_names where name like '%/%'"
                        + " and name not like 'posix/%' and name not like 'right/%' order by name")) {
            while (rows.next()) {
                if (!java.contains(rows.getString(1))) {
                    databaseOnly.add(rows.getString(1));
                }
            }
        }
        // depends on this JDK's tzdata against the machine's (here e.g. America/Coyhaique, added in 2025)
        Assumptions.assumeFalse(databaseOnly.isEmpty(), "no zone is known to the database alone on this machine");
        for (String zone : databaseOnly) {
            given().auth()
                    .oauth2(Tokens.user("analyst"))
                    .queryParams(Map.of("tz", zone, "granularity", "day"))
                    .get("/api/metrics/nps/stats")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("tz"));
        }
    }
}
