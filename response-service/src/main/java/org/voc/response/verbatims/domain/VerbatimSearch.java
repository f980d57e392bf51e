package org.voc.response.verbatims.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.voc.kit.paging.PageCursor;
import org.voc.kit.privacy.Disclosure;
import org.voc.response.domain.SurveyCatalog;
import org.voc.response.domain.SurveyDefinition;
import org.voc.response.verbatims.persistence.VerbatimQueries;

/**
 * Finds responses for analysts (docs/verbatims.md). A text search matches what the caller can read: for a caller
 * who sees comments masked, a response whose comment matches only in clear (the searched text is, or overlaps, an
 * e-mail address or phone number the mask hides) is left out, or a series of searches could spell out a masked
 * number digit by digit.
 */
@ApplicationScoped
public class VerbatimSearch {

    /** One page: the responses shown, and where the next page starts (null after the last). */
    public record Page(List<Verbatim> items, PageCursor.Position next) {}

    private final VerbatimQueries queries;
    private final SurveyCatalog surveys;

    public VerbatimSearch(VerbatimQueries queries, SurveyCatalog surveys) {
        this.queries = queries;
        this.surveys = surveys;
    }

    /**
     * Up to {@code limit} responses after {@code after}. The page is cut and the cursor taken on what the database
     * matched, before the masked-text check, so a page may hold fewer than {@code limit} items and still have a next.
     */
    public Page page(VerbatimFilter filter, PageCursor.Position after, int limit, Disclosure disclosure) {
        List<Verbatim> rows = queries.page(filter, after, limit + 1);
        List<Verbatim> scanned = rows.size() > limit ? rows.subList(0, limit) : rows;
        List<Verbatim> shown = new ArrayList<>(scanned.size());
        for (Verbatim v : scanned) {
            if (findable(v, filter, disclosure)) {
                shown.add(v);
            }
        }
        Verbatim last = scanned.isEmpty() ? null : scanned.get(scanned.size() - 1);
        PageCursor.Position next = rows.size() > limit ? new PageCursor.Position(last.respondedAt(), last.id()) : null;
        return new Page(shown, next);
    }

    /** Every matching response, newest first, one at a time (an export). */
    public void each(VerbatimFilter filter, Disclosure disclosure, VerbatimSink sink) throws IOException {
        queries.each(filter, v -> {
            if (findable(v, filter, disclosure)) {
                sink.accept(v);
            }
        });
    }

    /**
     * The questions of a survey as export columns, question id to type: those of every version this service knows,
     * oldest version first, a question id once (a later version's new questions come after). Empty for an unknown
     * survey.
     */
    public Map<String, String> questions(UUID surveyId, Integer version) {
        List<Integer> versions = version != null ? List.of(version) : queries.versions(surveyId);
        Map<String, String> questions = new LinkedHashMap<>();
        for (int v : versions) {
            surveys.version(surveyId, v)
                    .map(SurveyDefinition::questions)
                    .orElse(List.of())
                    .forEach(q -> questions.putIfAbsent(q.id(), q.type()));
        }
        return questions;
    }

    static boolean findable(Verbatim v, VerbatimFilter filter, Disclosure disclosure) {
        if (filter.text() == null || disclosure.isClear()) {
            return true;
        }
        String wanted = filter.text().toLowerCase(Locale.ROOT);
        return v.answers().stream()
                .map(a -> disclosure.text(a.text()))
                .anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(wanted));
    }
}
