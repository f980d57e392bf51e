package org.voc.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.response.Verbatims.as;
import static org.voc.response.Verbatims.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Streamed exports against the real database: CSV a spreadsheet reads safely, NDJSON, filters, privacy, volume. */
@QuarkusTest
class VerbatimExportTest {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    @Inject
    DataSource db;

    private final Instant base = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void csvHasAColumnPerQuestionRoundTripsQuotesAndLineBreaksAndDefusesFormulas() throws Exception {
        Surveys.Survey survey = Verbatims.survey(db);
        String formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        String quoted = "He said \"a week late\", then\r\nhung up; ça, c'est nul";
        String formulaId = store(survey, 0, formula, base.plusSeconds(4), null);
        String quotedId = store(survey, 10, quoted, base.plusSeconds(3), null);
        String minusId = store(survey, 6, "-5 stars", base.plusSeconds(2), null);
        String atId = store(survey, 7, "@SUM(A1:A9)", base.plusSeconds(1), null);

        Response export = as("pii-analyst")
                .queryParam("surveyId", survey.id().toString())
                .queryParam("format", "csv")
                .get("/api/responses/export");
        assertEquals(200, export.statusCode(), export.asString());
        assertTrue(export.contentType().startsWith("text/csv"), export.contentType());
        String disposition = export.header("Content-Disposition");
        assertTrue(disposition.matches("attachment; filename=\"responses-[0-9TZ-]+\\.csv\""), disposition);

        List<List<String>> rows = parse(export.asString());
        List<String> header = rows.get(0);
        assertEquals(List.of("id", "surveyId", "surveyVersion"), header.subList(0, 3));
        assertEquals(List.of("segment", "employeeRef", "processRef"), header.subList(11, 14));
        assertEquals(List.of("answer.nps", "answer.reason", "answer.csat"), header.subList(14, 17));
        Map<String, List<String>> byId = new HashMap<>();
        rows.subList(1, rows.size()).forEach(r -> byId.put(r.get(0), r));
        assertEquals(4, byId.size());
        int reason = header.indexOf("answer.reason");
        int nps = header.indexOf("answer.nps");
        assertEquals("'" + formula, byId.get(formulaId).get(reason), "a formula is text in a spreadsheet");
        assertEquals("0", byId.get(formulaId).get(nps));
        assertEquals(quoted, byId.get(quotedId).get(reason), "quotes, commas and line breaks round-trip");
        assertEquals("'-5 stars", byId.get(minusId).get(reason));
        assertEquals("'@SUM(A1:A9)", byId.get(atId).get(reason));
        assertEquals("", byId.get(atId).get(header.indexOf("answer.csat")));
        assertEquals(
                List.of(formulaId, quotedId, minusId, atId),
                rows.subList(1, 5).stream().map(r -> r.get(0)).toList());

        // Filters apply as in a search; without surveyId the layout is the generic one, answers as JSON.
        List<List<String>> low = parse(as("analyst")
                .queryParam("touchpoint", survey.touchpointKey())
                .queryParam("questionId", "nps")
                .queryParam("maxScore", "6")
                .get("/api/responses/export")
                .asString());
        assertEquals("answers", low.get(0).get(14));
        assertEquals(
                List.of(formulaId, minusId),
                low.subList(1, low.size()).stream().map(r -> r.get(0)).toList());
        JsonNode answers = Surveys.JSON.readTree(low.get(2).get(14));
        assertEquals(6, answers.get("nps").asInt());
        assertEquals("-5 stars", answers.get("reason").asText());
    }

    @Test
    void ndjsonLinesParseAndNeitherFormatShowsTheCustomerWithoutPii() throws Exception {
        Surveys.Survey survey = Verbatims.survey(db);
        String customer = "cust-export-" + UUID.randomUUID();
        String text = "Reach me at jane.doe@example.com or 8 912 345 67 89";
        String id = store(survey, 3, text, base, customer);
        store(survey, 9, "fine", base.plusSeconds(1), null);

        Response ndjson = as("analyst")
                .header("Accept", "application/x-ndjson")
                .queryParam("surveyId", survey.id().toString())
                .get("/api/responses/export");
        assertEquals(200, ndjson.statusCode(), ndjson.asString());
        assertTrue(ndjson.contentType().startsWith("application/x-ndjson"), ndjson.contentType());
        assertTrue(ndjson.header("Content-Disposition").endsWith(".ndjson\""));
        String body = ndjson.asString();
        assertTrue(body.endsWith("\n"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(Surveys.JSON.readTree(line));
        }
        assertEquals(2, lines.size());
        JsonNode mine = lines.get(1);
        assertEquals(id, mine.get("id").asText());
        assertTrue(mine.get("customerRef").asText().startsWith("pn-"));
        assertEquals(
                "Reach me at [email] or [phone]",
                mine.get("answers").get(1).get("text").asText());

        String csv = as("analyst")
                .queryParam("surveyId", survey.id().toString())
                .get("/api/responses/export")
                .asString();
        for (String export : List.of(body, csv)) {
            assertFalse(export.contains(customer), "no clear reference");
            assertFalse(export.contains("example.com"), "no e-mail");
            assertFalse(export.contains("345 67"), "no phone");
        }
        assertTrue(as("pii-analyst")
                .queryParam("surveyId", survey.id().toString())
                .queryParam("format", "csv")
                .get("/api/responses/export")
                .asString()
                .contains(customer));
    }

    /** Thousands of rows (more than one fetch of the cursor) come out complete, each once. */
    @Test
    void aLargeExportIsComplete() throws Exception {
        UUID survey = UUID.randomUUID();
        int count = 3_200;
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into response (id, survey_id, survey_version, touchpoint_key, channel, customer_ref,
                                              responded_at, received_at, nps, answers, request_hash, comment_text)
                        select gen_random_uuid(), ?, 1, 'bulk-export', 'WEB', 'cust-' || n,
                               now() - n * interval '1 second', now(), n % 11,
                               jsonb_build_array(
                                   jsonb_build_object('questionId', 'nps', 'type', 'NPS', 'score', n % 11),
                                   jsonb_build_object('questionId', 'reason', 'type', 'TEXT',
                                                      'text', 'bulk, "row" ' || n)),
                               'bulk', 'bulk, "row" ' || n
                        from generate_series(1, ?) as n""")) {
            insert.setObject(1, survey);
            insert.setInt(2, count);
            assertEquals(count, insert.executeUpdate());
        }
        List<List<String>> rows = parse(as("analyst")
                .queryParam("surveyId", survey.toString())
                .get("/api/responses/export")
                .asString());
        assertEquals(count + 1, rows.size());
        Set<String> ids = new HashSet<>();
        rows.subList(1, rows.size()).forEach(r -> ids.add(r.get(0)));
        assertEquals(count, ids.size());

        String ndjson = as("analyst")
                .queryParam("surveyId", survey.toString())
                .queryParam("minScore", "10")
                .queryParam("format", "ndjson")
                .get("/api/responses/export")
                .asString();
        long tens = IntStream.rangeClosed(1, count).filter(n -> n % 11 == 10).count();
        assertEquals(tens, ndjson.lines().count(), "every response whose score is 10");
    }

    private static List<List<String>> parse(String csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it =
                CSV.readerForListOf(String.class).readValues(csv)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }
}
