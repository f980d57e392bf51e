package org.voc.response.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.events.InvitationOpened;
import org.voc.kit.problem.DomainException;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Violation;
import org.voc.response.domain.Answer;
import org.voc.response.domain.Invitation;
import org.voc.response.domain.InvitationRefusal;
import org.voc.response.domain.InvitationResponses;
import org.voc.response.domain.Submission;
import org.voc.response.domain.SurveyContent;
import org.voc.response.domain.SurveyDefinition;

/**
 * The hosted survey page behind the link of an invitation ({@code /s/{token}}): plain HTML forms that work
 * without JavaScript, in the invitation's locale. Public on purpose; guarded like {@link RespondResource}.
 * <p>
 * Display logic: without JavaScript every question is shown, so a respondent may answer one whose condition ends
 * up unmet. The page drops such answers before validation (the JSON API refuses them with 400 instead: an app is
 * expected to apply {@code showIf}). Everything else is validated by the same intake as every response.
 */
@Path("/s/{token}")
@Tag(name = "Hosted survey page", description = "Server-rendered HTML for respondents (no login)")
@PermitAll
public class HostedSurveyResource {

    /** Form field of the response id generated with the page, so a double submit stores one response. */
    static final String RESPONSE_ID = "responseId";
    /** Form fields of answers: {@code q.<questionId>}, repeated for the options of a multiple choice. */
    static final String ANSWER_PREFIX = "q.";
    /**
     * Points of a scale that share one row at 360 CSS px, each still at least 24 px wide (WCAG 2.5.8): an NPS
     * scale's eleven. Longer RATING scales wrap into rows of larger buttons.
     */
    static final int ONE_ROW = 11;

    private final InvitationResponses invitations;
    private final HostedPages pages;

    public HostedSurveyResource(InvitationResponses invitations, HostedPages pages) {
        this.invitations = invitations;
        this.pages = pages;
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Survey page of an invitation", description = """
            The invitation's survey as an accessible HTML form in its locale. A link already answered shows a \
            thank-you note (409), an expired or revoked one or an archived survey a 'survey closed' page (410), an \
            invalid one a 'not found' page (404). The first view of an invitation not yet answered, here or through \
            the respondent API, is published once as voc.invitation.opened.v1.""")
    @APIResponse(
            responseCode = "200",
            description = "The survey form",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(
            responseCode = "404",
            description = "Not a valid invitation link",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(
            responseCode = "409",
            description = "Already answered",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(
            responseCode = "410",
            description = "Expired, revoked, or the survey is closed",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(
            responseCode = "429",
            description = "Too many requests from this address (Retry-After)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response show(
            @Parameter(description = "The invitation token from the link") @PathParam("token") String token,
            @Context HttpHeaders headers) {
        InvitationResponses.Opened opened;
        try {
            opened = invitations.open(token, InvitationOpened.VIA_PAGE);
        } catch (DomainException e) {
            return pages.problem(e, browser(headers));
        }
        RespondentText t = RespondentText.of(opened.survey().locale());
        if (opened.status() == InvitationResponses.Status.ANSWERED) {
            return pages.message(
                    409, t, HostedPage.Look.of(opened.survey().brand()), t.answeredTitle(), t.answeredBody());
        }
        return pages.survey(
                200, form(token, opened.survey(), t, UUID.randomUUID().toString(), Map.of(), Map.of(), null));
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Send the survey form", description = """
            Stores the answers as the invitation's response and redirects (303) to the thank-you page. Invalid answers \
            re-render the form with a message next to each question at fault (400). Sending the same form twice stores \
            one response.""")
    @APIResponse(responseCode = "303", description = "Stored; Location is the thank-you page")
    @APIResponse(
            responseCode = "400",
            description = "The form again, with the messages",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(
            responseCode = "404",
            description = "Not a valid invitation link",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(
            responseCode = "409",
            description = "Already answered",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(
            responseCode = "410",
            description = "Expired, revoked, or the survey is closed",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(
            responseCode = "429",
            description = "Too many requests from this address (Retry-After)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> send(
            @PathParam("token") String token, MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        Invitation invitation;
        SurveyContent.Localized survey;
        try {
            invitation = invitations.verify(token);
            survey = invitations.survey(invitation);
        } catch (DomainException e) {
            return Uni.createFrom().item(pages.problem(e, browser(headers)));
        }
        RespondentText t = RespondentText.of(survey.locale());
        MultivaluedMap<String, String> values = form == null ? new MultivaluedHashMap<>() : form;
        String responseId = values.getFirst(RESPONSE_ID);
        UUID id = parseId(responseId);
        if (id == null) {
            responseId = UUID.randomUUID().toString();
            id = UUID.fromString(responseId);
        }
        String shownId = responseId;

        Map<String, String> errors = new LinkedHashMap<>();
        List<Submission.AnswerInput> answers = new ArrayList<>();
        List<String> answered = new ArrayList<>(); // question id of answers[i]
        collect(survey, values, t, errors, answers, answered);
        if (!errors.isEmpty()) {
            return Uni.createFrom()
                    .item(pages.survey(400, form(token, survey, t, shownId, values, errors, t.errorSummary())));
        }
        try {
            return Uni.createFrom()
                    .completionStage(invitations.answer(invitation, id, answers))
                    .onFailure(CompletionException.class)
                    .transform(Throwable::getCause)
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(outcome -> Response.seeOther(URI.create("/s/" + token + "/thanks"))
                            .build())
                    .onFailure(DomainException.class)
                    .recoverWithItem(e -> refused((DomainException) e, token, survey, t, shownId, values, answered));
        } catch (DomainException e) {
            return Uni.createFrom().item(refused(e, token, survey, t, shownId, values, answered));
        }
    }

    @GET
    @Path("/thanks")
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Thank-you page", description = "Shown after the form was sent, in the invitation's locale.")
    @APIResponse(responseCode = "200", description = "Thank you", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(
            responseCode = "404",
            description = "Not a valid invitation link",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response thanks(@PathParam("token") String token, @Context HttpHeaders headers) {
        Invitation invitation;
        try {
            invitation = invitations.verify(token);
        } catch (DomainException e) {
            if (!InvitationRefusal.EXPIRED.equals(e.slug())) {
                return pages.problem(e, browser(headers));
            }
            // Answered just before it expired: still a thank-you, not "closed".
            RespondentText t = browser(headers);
            return pages.message(200, t, t.thanksTitle(), t.thanksBody());
        }
        SurveyContent.Localized survey = invitations.survey(invitation);
        RespondentText t = RespondentText.of(survey.locale());
        return pages.message(200, t, HostedPage.Look.of(survey.brand()), t.thanksTitle(), t.thanksBody());
    }

    /** A link that cannot be read tells no locale: the browser's preferred language is the next best guess. */
    private static RespondentText browser(HttpHeaders headers) {
        return headers == null || headers.getAcceptableLanguages().isEmpty()
                ? RespondentText.of(null)
                : RespondentText.of(headers.getAcceptableLanguages().get(0).toLanguageTag());
    }

    /** Validation errors re-render the form next to the answers at fault; anything else is a friendly page. */
    private Response refused(
            DomainException e,
            String token,
            SurveyContent.Localized survey,
            RespondentText t,
            String responseId,
            MultivaluedMap<String, String> values,
            List<String> answered) {
        if (!(e instanceof Invalid)) {
            return pages.problem(e, t);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : e.violations()) {
            String question = question(v.field(), answered);
            if (question != null) {
                errors.putIfAbsent(question, t.invalidAnswer());
            }
        }
        return pages.survey(400, form(token, survey, t, responseId, values, errors, t.errorSummary()));
    }

    /** {@code answers[2].score} → the question of the third answer sent; null for a field of no one answer. */
    private static String question(String field, List<String> answered) {
        if (field == null || !field.startsWith("answers[")) {
            return null;
        }
        int end = field.indexOf(']');
        try {
            int index = Integer.parseInt(field.substring("answers[".length(), end));
            return index >= 0 && index < answered.size() ? answered.get(index) : null;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /**
     * The form's answers for the intake: only displayed questions (see the class comment), required ones checked
     * here so the message can be the respondent's, not an API's. Scores that are not numbers are named at once.
     */
    private static void collect(
            SurveyContent.Localized survey,
            MultivaluedMap<String, String> values,
            RespondentText t,
            Map<String, String> errors,
            List<Submission.AnswerInput> answers,
            List<String> answered) {
        Map<String, Submission.AnswerInput> inputs = new LinkedHashMap<>();
        Map<String, Answer> tentative = new HashMap<>();
        for (SurveyContent.LocalizedQuestion lq : survey.questions()) {
            SurveyDefinition.Question q = lq.question();
            List<String> given = values(values, q.id());
            if (given.isEmpty()) {
                continue;
            }
            if (q.takesText()) {
                inputs.put(q.id(), new Submission.AnswerInput(q.id(), null, given.get(0), null, null));
            } else if (q.takesOptions()) {
                inputs.put(
                        q.id(),
                        q.isSingleChoice() && given.size() == 1
                                ? new Submission.AnswerInput(q.id(), null, null, given.get(0), null)
                                : new Submission.AnswerInput(q.id(), null, null, null, given));
                tentative.put(q.id(), new Answer(q.id(), q.type(), null, null, given));
            } else {
                BigDecimal score = score(given.get(0));
                if (score == null) {
                    errors.put(q.id(), t.invalidAnswer());
                    continue;
                }
                inputs.put(q.id(), new Submission.AnswerInput(q.id(), score, null, null, null));
                if (score.stripTrailingZeros().scale() <= 0 && score.abs().compareTo(BigDecimal.valueOf(1000)) < 0) {
                    tentative.put(q.id(), new Answer(q.id(), q.type(), score.intValueExact(), null));
                }
            }
        }
        Set<String> shown = survey.definition().displayed(tentative);
        for (SurveyContent.LocalizedQuestion lq : survey.questions()) {
            SurveyDefinition.Question q = lq.question();
            if (!shown.contains(q.id())) {
                errors.remove(q.id()); // hidden: its answer is dropped, so is any complaint about it
                continue;
            }
            Submission.AnswerInput input = inputs.get(q.id());
            if (input != null) {
                answers.add(input);
                answered.add(q.id());
            } else if (q.required() && !errors.containsKey(q.id())) {
                errors.put(q.id(), t.required());
            }
        }
    }

    private static List<String> values(MultivaluedMap<String, String> form, String questionId) {
        List<String> raw = form.get(ANSWER_PREFIX + questionId);
        return raw == null
                ? List.of()
                : raw.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .toList();
    }

    private static BigDecimal score(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null; // a tampered form or a typo in a hand-made one; named next to the question
        }
    }

    private static UUID parseId(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null; // a mangled hidden field: a fresh id still stores the response, only once-per-page is lost
        }
    }

    /** The page model: the questions in order, with what the respondent entered and the messages, if any. */
    private HostedPage.Survey form(
            String token,
            SurveyContent.Localized survey,
            RespondentText t,
            String responseId,
            Map<String, List<String>> values,
            Map<String, String> errors,
            String formError) {
        List<HostedPage.Field> fields = new ArrayList<>();
        int n = 0;
        for (SurveyContent.LocalizedQuestion lq : survey.questions()) {
            SurveyDefinition.Question q = lq.question();
            String domId = "q" + n++;
            List<String> given = values.getOrDefault(ANSWER_PREFIX + q.id(), List.of());
            String kind =
                    q.takesText() ? "text" : q.isMultiChoice() ? "multi" : q.isSingleChoice() ? "single" : "scale";
            List<HostedPage.Choice> choices = new ArrayList<>();
            if (q.takesOptions()) {
                for (int i = 0; i < lq.options().size(); i++) {
                    SurveyContent.LocalizedOption o = lq.options().get(i);
                    choices.add(new HostedPage.Choice(domId + "-" + i, o.id(), o.text(), given.contains(o.id())));
                }
            } else if (!q.takesText() && q.lowest() != null && q.highest() != null) {
                IntStream.rangeClosed(q.lowest(), q.highest())
                        .forEach(v -> choices.add(new HostedPage.Choice(
                                domId + "-" + v,
                                Integer.toString(v),
                                Integer.toString(v),
                                given.contains(Integer.toString(v)))));
            }
            String[] ends = "scale".equals(kind) ? t.scaleEnds(q.type()) : null;
            SurveyDefinition.Condition c = q.showIf();
            fields.add(new HostedPage.Field(
                    q.id(),
                    domId,
                    kind,
                    choices.size() > ONE_ROW,
                    ANSWER_PREFIX + q.id(),
                    lq.text(),
                    q.required(),
                    errors.get(q.id()),
                    ends == null ? null : q.lowest() + " = " + ends[0],
                    ends == null ? null : q.highest() + " = " + ends[1],
                    choices,
                    "text".equals(kind) && !given.isEmpty() ? given.get(0) : null,
                    c == null ? null : c.questionId(),
                    c == null ? null : c.operator(),
                    c == null
                            ? null
                            : "IN".equalsIgnoreCase(c.operator()) && c.values() != null
                                    ? String.join(" ", c.values())
                                    : String.valueOf(c.value())));
        }
        String error = errors.isEmpty() ? null : formError;
        return new HostedPage.Survey(
                survey.locale(),
                pages.nonce(),
                t,
                HostedPage.Look.of(survey.brand()),
                "/s/" + token,
                responseId,
                error,
                fields);
    }
}
