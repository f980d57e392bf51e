package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.voc.testsupport.Tokens;

/** Responses stored through the API for the search and export tests, and calls of those operations. */
final class Verbatims {

    private Verbatims() {}

    /**
     * A survey of its own, without responses: publishing waits for the replica by storing one, which is removed so
     * that the test sees only what it stores.
     */
    static Surveys.Survey survey(DataSource db) {
        Surveys.Survey survey = Surveys.publishAndAwait(List.of(Surveys.touchpointKey()));
        try (Connection c = db.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from response where survey_id = ?")) {
            delete.setObject(1, survey.id());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return survey;
    }

    /** Stores a response to the survey (NPS {@code nps}, and {@code reason} when not null); returns its id. */
    static String store(Surveys.Survey survey, int nps, String reason, Instant respondedAt, String customerRef) {
        Map<String, Object> body = Surveys.body(survey.id(), survey.touchpointKey());
        body.put("respondedAt", respondedAt.toString());
        if (customerRef != null) {
            body.put("customerRef", customerRef);
        }
        List<Map<String, Object>> answers = Surveys.answers(body);
        answers.clear();
        answers.add(Surveys.answer("nps", "score", nps));
        if (reason != null) {
            answers.add(Surveys.answer("reason", "text", reason));
        }
        assertEquals(201, Surveys.awaitAccepted(body).statusCode());
        return (String) body.get("id");
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user));
    }

    /** The ids of one search page, in order. */
    static List<String> ids(String user, Map<String, ?> query) {
        Response page = as(user).queryParams(query).get("/api/responses");
        assertEquals(200, page.statusCode(), page.asString());
        return page.jsonPath().getList("items.id");
    }
}
