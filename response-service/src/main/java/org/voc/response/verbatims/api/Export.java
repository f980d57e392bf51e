package org.voc.response.verbatims.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.voc.kit.privacy.Disclosure;
import org.voc.response.domain.Answer;
import org.voc.response.verbatims.domain.Verbatim;
import org.voc.response.verbatims.domain.VerbatimFilter;
import org.voc.response.verbatims.domain.VerbatimSearch;

/**
 * The body of an export, written row by row as the database cursor yields them: memory holds one fetch of rows and
 * one write buffer, however many responses are exported. Everything the caller may see was decided before writing
 * starts (the {@link Disclosure}), since the request's scope is not what streams the body.
 */
final class Export {

    static final String[] FIXED = {
        "id",
        "surveyId",
        "surveyVersion",
        "touchpointKey",
        "channel",
        "customerRef",
        "erased",
        "respondedAt",
        "receivedAt",
        "nps",
        "invitationId",
        "segment",
        "employeeRef",
        "processRef"
    };
    /** Prefix of a question's column when one survey is exported ({@code answer.nps}, {@code answer.reason}). */
    static final String ANSWER_PREFIX = "answer.";
    /** The generic layout's last column: the answers as a JSON object by question id. */
    static final String ANSWERS = "answers";

    private static final int BUFFER = 64 * 1024;

    private Export() {}

    /**
     * CSV with a header line. {@code questions} (id to type) gives one column per question; empty, a single
     * {@value #ANSWERS} column holds each response's answers as JSON, the same for every survey.
     */
    static StreamingOutput csv(
            VerbatimSearch search,
            VerbatimFilter filter,
            Disclosure disclosure,
            Map<String, String> questions,
            ObjectMapper json) {
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), BUFFER);
            List<String> header = new ArrayList<>(List.of(FIXED));
            if (questions.isEmpty()) {
                header.add(ANSWERS);
            } else {
                questions.keySet().forEach(id -> header.add(Csv.text(ANSWER_PREFIX + id)));
            }
            Csv.line(out, header);
            search.each(filter, disclosure, v -> Csv.line(out, row(v, disclosure, questions, json)));
            out.flush();
        };
    }

    /** One JSON object per line ({@link VerbatimView}), the same shape as a search result's items. */
    static StreamingOutput ndjson(
            VerbatimSearch search, VerbatimFilter filter, Disclosure disclosure, ObjectMapper json) {
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), BUFFER);
            search.each(filter, disclosure, v -> {
                out.write(json.writeValueAsString(VerbatimView.of(v, disclosure)));
                out.write('\n');
            });
            out.flush();
        };
    }

    private static List<String> row(
            Verbatim v, Disclosure disclosure, Map<String, String> questions, ObjectMapper json) {
        List<String> cells = new ArrayList<>(FIXED.length + Math.max(1, questions.size()));
        cells.add(v.id().toString());
        cells.add(v.surveyId().toString());
        cells.add(Csv.number(v.surveyVersion()));
        cells.add(Csv.text(v.touchpointKey()));
        cells.add(Csv.text(v.channel()));
        cells.add(Csv.text(disclosure.customerRef(v.customerRef())));
        cells.add(Boolean.toString(v.erased()));
        cells.add(v.respondedAt().toString());
        cells.add(v.receivedAt().toString());
        cells.add(Csv.number(v.nps()));
        cells.add(v.invitationId() == null ? "" : v.invitationId().toString());
        cells.add(Csv.text(v.segment()));
        cells.add(Csv.text(v.employeeRef()));
        cells.add(Csv.text(disclosure.customerRef(v.processRef())));
        if (questions.isEmpty()) {
            cells.add(Csv.text(answersJson(v.answers(), disclosure, json)));
            return cells;
        }
        for (String question : questions.keySet()) {
            Answer answer = v.answers().stream()
                    .filter(a -> question.equals(a.questionId()))
                    .findFirst()
                    .orElse(null);
            cells.add(cell(answer, disclosure));
        }
        return cells;
    }

    /** A score as a number, a text as (masked) text, picked options as their ids joined by {@code ;}. */
    private static String cell(Answer answer, Disclosure disclosure) {
        if (answer == null) {
            return "";
        }
        if (answer.score() != null) {
            return Csv.number(answer.score());
        }
        if (answer.optionIds() != null) {
            return Csv.text(String.join(";", answer.optionIds()));
        }
        return Csv.text(disclosure.text(answer.text()));
    }

    private static String answersJson(List<Answer> answers, Disclosure disclosure, ObjectMapper json) {
        ObjectNode object = json.createObjectNode();
        for (Answer a : answers) {
            if (a.score() != null) {
                object.put(a.questionId(), a.score());
            } else if (a.optionIds() != null) {
                a.optionIds().forEach(object.putArray(a.questionId())::add);
            } else {
                object.put(a.questionId(), disclosure.text(a.text()));
            }
        }
        try {
            return json.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
