package org.voc.touchpoint;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.voc.testsupport.Tokens;

/** Request helpers shared by the registry's tests; every test works on its own unique keys. */
final class Api {

    private Api() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON);
    }

    static String touchpoint(
            String key, String channel, String stage, String signal, String segments, String team, String tags) {
        return """
                {"key": "%s", "name": "Touchpoint %s", "channel": "%s", "journeyStage": "%s", "signalKind": "%s",
                 "segments": [%s], "ownerTeam": "%s", "tags": [%s]
                }""".formatted(key, key, channel, stage, signal, quoteAll(segments), team, quoteAll(tags));
    }

    static String team(String key, String zone) {
        return """
                {"key": "%s", "name": "Team %s", "escalationContact": "lead@example.com",
                 "workingHours": {"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                                  "start": "08:00", "end": "18:00"},
                 "timeZone": "%s"}""".formatted(key, key, zone);
    }

    /** A team whose case agents are these Keycloak users. */
    static String team(String key, String zone, String... members) {
        String list = String.join(
                ", ", java.util.Arrays.stream(members).map(m -> "\"" + m + "\"").toList());
        return team(key, zone).replaceFirst("}$", ", \"members\": [" + list + "]}");
    }

    static String quoteAll(String csv) {
        if (csv == null || csv.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String value : csv.split(",")) {
            out.append(out.length() == 0 ? "" : ", ").append('"').append(value).append('"');
        }
        return out.toString();
    }
}
