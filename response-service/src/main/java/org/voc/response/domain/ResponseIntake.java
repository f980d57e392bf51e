package org.voc.response.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.voc.kit.commit.Settled;
import org.voc.kit.problem.DomainException;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Unavailable;
import org.voc.kit.problem.Violation;
import org.voc.response.config.IngestConfig;
import org.voc.response.persistence.ResponseRepository;

/**
 * Accepts responses: checks each one against its survey version (from the local replica, never a call to
 * survey-service) on the caller's thread, then hands it to the {@link ResponseWriter} for group commit.
 */
@ApplicationScoped
public class ResponseIntake {

    /** Most responses one batch request takes: a bulk import sends its file in requests of this size. */
    public static final int MAX_BATCH = 1000;

    /** Clocks of kiosks and phones drift; a response from further in the future than this is a client bug. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final SurveyCatalog catalog;
    private final ResponseWriter writer;
    private final ResponseRepository responses;
    private final IngestConfig config;
    private final ObjectMapper json;

    public ResponseIntake(
            SurveyCatalog catalog,
            ResponseWriter writer,
            ResponseRepository responses,
            IngestConfig config,
            ObjectMapper json) {
        this.catalog = catalog;
        this.writer = writer;
        this.responses = responses;
        this.config = config;
        this.json = json;
    }

    /**
     * Validates and queues a response. Throws {@link DomainException} ({@code Invalid}, {@code Unavailable}) at once;
     * the future completes with the stored response, or fails with {@code Conflict} (same id, different body) or
     * {@code Unavailable}.
     */
    public CompletableFuture<Outcome> submit(Submission submission) {
        // PostgreSQL keeps microseconds: the 201 body must show what a later GET will.
        return writer.write(validate(submission, Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }

    /**
     * Validates a batch whole, then queues it: one invalid response makes the batch an {@code Invalid} naming each
     * one at fault under {@code field[i].}, and nothing is stored. Each valid response then settles on its own, in
     * request order: stored (or found stored under its id), or refused for itself (its invitation unknown, expired or
     * answered, its id reused with another body, or not stored in time: each safe to resend alone).
     */
    public CompletableFuture<List<Settled<Outcome>>> submitAll(List<Supplier<Submission>> submissions, String field) {
        if (submissions.size() > MAX_BATCH) {
            throw Invalid.field(
                    field, "holds " + submissions.size() + " responses; at most " + MAX_BATCH + " are taken at once");
        }
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Violation> violations = new ArrayList<>();
        List<Supplier<CompletableFuture<Outcome>>> writes = new ArrayList<>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            String at = field + "[" + i + "]";
            try {
                StoredResponse valid = validate(submissions.get(i).get(), receivedAt);
                writes.add(() -> writer.write(valid));
            } catch (Invalid e) {
                e.violations().forEach(v -> violations.add(new Violation(at + "." + v.field(), v.message())));
                if (e.violations().isEmpty()) {
                    violations.add(new Violation(at, e.detail()));
                }
            } catch (DomainException refused) {
                writes.add(() -> CompletableFuture.failedFuture(refused));
            }
        }
        if (!violations.isEmpty()) {
            throw Invalid.of(violations);
        }
        if (writer.remainingCapacity() < writes.size()) {
            throw new Unavailable("too many responses are waiting to be stored", config.retryAfter());
        }
        // The queue may fill up meanwhile: what is queued is stored; the rest is Unavailable (retry is safe).
        return Settled.all(writes, Supplier::get, config.retryAfter());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredResponse get(UUID id) {
        return responses
                .findByIdOptional(id)
                .map(responses::toStored)
                .orElseThrow(() -> NotFound.of("response", id.toString()));
    }

    StoredResponse validate(Submission s, Instant receivedAt) {
        if (s.surveyId() == null) {
            throw Invalid.field("surveyId", "must not be null");
        }
        SurveyDefinition survey = survey(s.surveyId(), s.surveyVersion());
        // PAUSED stops invitations, not answers to those already sent; ARCHIVED is the end of the survey.
        if (catalog.archived(s.surveyId())) {
            throw Invalid.field("surveyId", "survey " + s.surveyId() + " is archived and takes no more responses");
        }
        List<Violation> violations = new ArrayList<>();

        String touchpointKey = s.touchpointKey();
        List<String> bound = survey.touchpointKeys();
        if (touchpointKey == null && bound.size() == 1) {
            touchpointKey = bound.get(0);
        } else if (touchpointKey == null) {
            violations.add(new Violation(
                    "touchpointKey",
                    "is required: version " + survey.version() + " of the survey is bound to the touchpoints "
                            + bound));
        } else if (!bound.contains(touchpointKey)) {
            violations.add(new Violation(
                    "touchpointKey",
                    "'" + touchpointKey + "' is not bound to version " + survey.version()
                            + " of the survey; it is bound to " + bound));
        }

        Instant respondedAt =
                s.respondedAt() == null ? receivedAt : s.respondedAt().truncatedTo(ChronoUnit.MICROS);
        if (respondedAt.isAfter(receivedAt.plus(CLOCK_SKEW))) {
            violations.add(new Violation("respondedAt", "must not be more than 5 minutes in the future"));
        }

        Dimensions dimensions = s.dimensions() == null ? Dimensions.NONE : s.dimensions();
        dimensions.check(violations);
        List<Answer> answers = answers(s, survey, violations);
        if (!violations.isEmpty()) {
            throw Invalid.of(violations);
        }
        Map<String, SurveyDefinition.Question> questions = survey.questionsById();
        Integer nps = answers.stream()
                .filter(a -> questions.get(a.questionId()).isNps() && a.score() != null)
                .map(Answer::score)
                .findFirst()
                .orElse(null);
        UUID id = s.id() != null ? s.id() : UUID.randomUUID();
        return new StoredResponse(
                id,
                survey.surveyId(),
                survey.version(),
                touchpointKey,
                s.channel(),
                s.customerRef(),
                respondedAt,
                receivedAt,
                nps,
                answers,
                fingerprint(s, answers),
                s.invitationId(),
                dimensions);
    }

    /** The version asked for, or the latest one; tells an unknown survey apart from an unknown version. */
    private SurveyDefinition survey(UUID surveyId, Integer version) {
        if (version != null) {
            Optional<SurveyDefinition> asked = catalog.version(surveyId, version);
            if (asked.isPresent()) {
                return asked.get(); // the hot path: one map lookup
            }
        }
        OptionalInt latest = catalog.latestVersion(surveyId);
        if (latest.isEmpty()) {
            throw Invalid.field("surveyId", "no published version of survey " + surveyId + " is known");
        }
        if (version != null) {
            throw Invalid.field(
                    "surveyVersion",
                    "survey " + surveyId + " has no published version " + version + "; the latest is "
                            + latest.getAsInt());
        }
        return catalog.version(surveyId, latest.getAsInt())
                .orElseThrow(() -> new IllegalStateException(
                        "survey " + surveyId + " v" + latest.getAsInt() + " vanished from the replica"));
    }

    private List<Answer> answers(Submission s, SurveyDefinition survey, List<Violation> violations) {
        if (s.answers() == null) {
            violations.add(new Violation("answers", "must not be null"));
            return List.of();
        }
        Map<String, SurveyDefinition.Question> questions = survey.questionsById();
        // Question id → index in the request, for every question answered (validly or not).
        Map<String, Integer> answered = new HashMap<>();
        Map<String, Answer> valid = new HashMap<>();
        List<Answer> answers = new ArrayList<>(s.answers().size());
        for (int i = 0; i < s.answers().size(); i++) {
            Submission.AnswerInput input = s.answers().get(i);
            String at = "answers[" + i + "]";
            if (input == null) {
                violations.add(new Violation(at, "must not be null"));
                continue;
            }
            SurveyDefinition.Question question = input.questionId() == null ? null : questions.get(input.questionId());
            if (question == null) {
                violations.add(new Violation(
                        at + ".questionId",
                        "'" + input.questionId() + "' is not a question of version " + survey.version()
                                + " of the survey"));
                continue;
            }
            if (answered.putIfAbsent(question.id(), i) != null) {
                violations.add(new Violation(
                        at + ".questionId", "question '" + question.id() + "' is answered more than once"));
                continue;
            }
            Answer answer = question.takesOptions()
                    ? choiceAnswer(question, input, at, violations)
                    : question.takesText()
                            ? textAnswer(question, input, at, violations)
                            : scoreAnswer(question, input, at, violations);
            if (answer != null) {
                answers.add(answer);
                valid.put(question.id(), answer);
            }
        }
        displayed(survey, answered, valid, violations);
        return answers;
    }

    /**
     * Display logic: a question with a condition is shown only when the question it names is shown and its answer
     * meets the condition. A hidden question must not be answered; a shown required one must. Where the answer a
     * condition depends on is itself invalid, nothing more is said about the questions that depend on it.
     */
    private static void displayed(
            SurveyDefinition survey,
            Map<String, Integer> answered,
            Map<String, Answer> valid,
            List<Violation> violations) {
        Set<String> shown = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        for (SurveyDefinition.Question question : survey.questions()) {
            SurveyDefinition.Condition condition = question.showIf();
            if (condition != null) {
                String source = condition.questionId();
                if (unknown.contains(source) || answered.containsKey(source) && !valid.containsKey(source)) {
                    unknown.add(question.id());
                    continue;
                }
                boolean met =
                        shown.contains(source) && valid.containsKey(source) && condition.isMetBy(valid.get(source));
                if (!met) {
                    Integer index = answered.get(question.id());
                    // An answer that is invalid in itself has been named already: one error per answer.
                    if (index != null && valid.containsKey(question.id())) {
                        violations.add(new Violation(
                                "answers[" + index + "].questionId",
                                "question '"
                                        + question.id() + "' is not displayed unless " + condition
                                        + ", so it must not be answered"));
                    }
                    continue;
                }
            }
            shown.add(question.id());
            if (question.required() && !answered.containsKey(question.id())) {
                violations.add(new Violation("answers", "required question '" + question.id() + "' is not answered"));
            }
        }
    }

    private static Answer choiceAnswer(
            SurveyDefinition.Question q, Submission.AnswerInput input, String at, List<Violation> violations) {
        if (input.score() != null || input.text() != null) {
            violations.add(new Violation(
                    at + (input.score() != null ? ".score" : ".text"),
                    "question '" + q.id() + "' is a " + q.type() + " question: answer it with "
                            + (q.isSingleChoice() ? "optionId" : "optionIds")));
            return null;
        }
        if (input.optionId() != null && input.optionIds() != null) {
            violations.add(new Violation(at + ".optionIds", "give either optionId or optionIds, not both"));
            return null;
        }
        List<String> picked = input.optionId() != null ? List.of(input.optionId()) : input.optionIds();
        String field = at
                + (input.optionId() != null || q.isSingleChoice() && input.optionIds() == null
                        ? ".optionId"
                        : ".optionIds");
        if (picked == null) {
            violations.add(
                    new Violation(field, "must be given: question '" + q.id() + "' is a " + q.type() + " question"));
            return null;
        }
        for (int j = 0; j < picked.size(); j++) {
            String id = picked.get(j);
            if (!q.optionIds().contains(id)) {
                violations.add(new Violation(
                        input.optionId() != null ? field : field + "[" + j + "]",
                        "'" + id + "' is not an option of question '" + q.id() + "'; its options are "
                                + q.optionIds()));
                return null;
            }
        }
        if (new HashSet<>(picked).size() != picked.size()) {
            violations.add(new Violation(field, "names an option more than once"));
            return null;
        }
        if (q.isSingleChoice() && picked.size() != 1) {
            violations.add(new Violation(field, "a SINGLE_CHOICE question takes exactly one option"));
            return null;
        }
        if (q.isMultiChoice() && (picked.size() < q.fewestSelected() || picked.size() > q.mostSelected())) {
            violations.add(new Violation(
                    field,
                    "must pick "
                            + (q.fewestSelected() == q.mostSelected()
                                    ? "exactly " + q.fewestSelected()
                                    : "from " + q.fewestSelected() + " to " + q.mostSelected())
                            + " options of question '" + q.id() + "'"));
            return null;
        }
        return new Answer(q.id(), q.type(), null, null, List.copyOf(picked));
    }

    /** Option ids on a question that does not take them: a client mistake worth naming rather than dropping. */
    private static boolean strayOptions(
            SurveyDefinition.Question q, Submission.AnswerInput input, String at, List<Violation> violations) {
        if (input.optionId() == null && input.optionIds() == null) {
            return false;
        }
        violations.add(new Violation(
                at + (input.optionId() != null ? ".optionId" : ".optionIds"),
                "question '" + q.id() + "' takes " + (q.takesText() ? "a text" : "a score") + ", not options"));
        return true;
    }

    private Answer textAnswer(
            SurveyDefinition.Question q, Submission.AnswerInput input, String at, List<Violation> violations) {
        if (strayOptions(q, input, at, violations)) {
            return null;
        }
        if (input.score() != null) {
            violations.add(new Violation(at + ".score", "question '" + q.id() + "' takes a text, not a score"));
            return null;
        }
        String text = input.text();
        if (text == null || text.isBlank()) {
            violations.add(new Violation(at + ".text", "must not be blank"));
            return null;
        }
        if (text.codePointCount(0, text.length()) > config.maxTextLength()) {
            violations.add(new Violation(at + ".text", "must be at most " + config.maxTextLength() + " characters"));
            return null;
        }
        return new Answer(q.id(), q.type(), null, text);
    }

    private static Answer scoreAnswer(
            SurveyDefinition.Question q, Submission.AnswerInput input, String at, List<Violation> violations) {
        if (strayOptions(q, input, at, violations)) {
            return null;
        }
        if (input.text() != null) {
            violations.add(new Violation(at + ".text", "question '" + q.id() + "' takes a score, not a text"));
            return null;
        }
        BigDecimal score = input.score();
        if (score == null) {
            violations.add(new Violation(
                    at + ".score", "must be given: question '" + q.id() + "' is a " + q.type() + " question"));
            return null;
        }
        if (score.signum() != 0 && score.stripTrailingZeros().scale() > 0) {
            violations.add(new Violation(at + ".score", "must be an integer"));
            return null;
        }
        Integer min = q.lowest();
        Integer max = q.highest();
        boolean fits = score.compareTo(BigDecimal.valueOf(min == null ? Integer.MIN_VALUE : min)) >= 0
                && score.compareTo(BigDecimal.valueOf(max == null ? Integer.MAX_VALUE : max)) <= 0;
        if (!fits) {
            violations.add(new Violation(
                    at + ".score",
                    min != null && max != null ? "must be between " + min + " and " + max : "is out of range"));
            return null;
        }
        return new Answer(q.id(), q.type(), score.intValueExact(), null);
    }

    /**
     * The fields a fingerprint covers: the body as sent, with answers normalised ({@code 7.0} is {@code 7}).
     * {@code invitationId} and the dimensions are left out when null, so responses without them keep the fingerprint
     * they always had.
     */
    @RegisterForReflection
    record Body(
            UUID id,
            UUID surveyId,
            Integer surveyVersion,
            String touchpointKey,
            String channel,
            String customerRef,
            Instant respondedAt,
            List<Answer> answers,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID invitationId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String segment,
            @JsonInclude(JsonInclude.Include.NON_NULL) String employeeRef,
            @JsonInclude(JsonInclude.Include.NON_NULL) String processRef) {}

    /** Fingerprint of the body as sent (not of defaults filled in), so a replay can be told from a reuse of the id. */
    private String fingerprint(Submission s, List<Answer> answers) {
        Dimensions dimensions = s.dimensions() == null ? Dimensions.NONE : s.dimensions();
        try {
            byte[] body = json.writeValueAsBytes(new Body(
                    s.id(),
                    s.surveyId(),
                    s.surveyVersion(),
                    s.touchpointKey(),
                    s.channel(),
                    s.customerRef(),
                    s.respondedAt(),
                    answers,
                    s.invitationId(),
                    dimensions.segment(),
                    dimensions.employeeRef(),
                    dimensions.processRef()));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a submission", e);
        }
    }
}
