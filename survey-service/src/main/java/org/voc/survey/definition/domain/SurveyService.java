package org.voc.survey.definition.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.voc.events.SurveyStatusChanged;
import org.voc.events.SurveyVersionPublished;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.DomainException;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Revisions;
import org.voc.kit.problem.Violation;
import org.voc.survey.definition.persistence.SurveyEntity;
import org.voc.survey.definition.persistence.SurveyRepository;
import org.voc.survey.definition.persistence.SurveyVersionRepository;

/**
 * Edits survey drafts and publishes them as immutable versions; publishing writes the version and its
 * {@code SurveyVersionPublished} event in one transaction.
 */
@ApplicationScoped
// The event records are serialised by the outbox through reflection, which a native image must be told about.
@RegisterForReflection(
        targets = {
            SurveyVersionPublished.class,
            SurveyVersionPublished.Question.class,
            SurveyVersionPublished.Option.class,
            SurveyVersionPublished.Condition.class,
            SurveyVersionPublished.Brand.class,
            SurveyStatusChanged.class
        })
public class SurveyService {

    private final SurveyRepository surveys;
    private final SurveyVersionRepository versions;
    private final Outbox outbox;

    public SurveyService(SurveyRepository surveys, SurveyVersionRepository versions, Outbox outbox) {
        this.surveys = surveys;
        this.versions = versions;
        this.outbox = outbox;
    }

    @Transactional
    public Survey create(SurveyDefinition definition) {
        check(definition);
        SurveyEntity survey = new SurveyEntity();
        survey.id = UUID.randomUUID();
        survey.createdAt = now();
        survey.status = SurveyStatus.DRAFT;
        apply(survey, definition);
        surveys.persistAndFlush(survey);
        return surveys.toSurvey(survey);
    }

    /** A draft from a template, renamed and bound to touchpoints when the caller says so. */
    @Transactional
    public Survey createFromTemplate(String key, String name, List<String> touchpointKeys) {
        SurveyDefinition template = SurveyTemplates.find(key)
                .orElseThrow(() -> NotFound.of("survey template", key))
                .definition();
        return create(new SurveyDefinition(
                name == null ? template.name() : name,
                template.defaultLocale(),
                template.locales(),
                touchpointKeys == null ? List.of() : touchpointKeys,
                template.questions(),
                template.brand()));
    }

    @Transactional
    public Survey change(UUID id, long expectedRevision, SurveyDefinition definition) {
        SurveyEntity survey = surveys.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (survey.revision != expectedRevision) {
            throw Revisions.stale("survey", id, survey.revision, expectedRevision);
        }
        if (survey.status == SurveyStatus.ARCHIVED) {
            throw Conflict.of("Conflict", "survey '" + id + "' is ARCHIVED and can no longer be edited", null);
        }
        check(definition);
        apply(survey, definition);
        surveys.flush(); // bumps the revision returned as the new ETag
        return surveys.toSurvey(survey);
    }

    @Transactional
    public SurveyVersion publish(UUID id, String publishedBy) {
        SurveyEntity survey = surveys.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (survey.status == SurveyStatus.ARCHIVED) {
            throw Conflict.of("Conflict", "survey '" + id + "' is ARCHIVED and can no longer be published", null);
        }
        SurveyDefinition definition = surveys.definition(survey);
        if (definition.questions().isEmpty()) {
            throw Invalid.field("questions", "a survey needs at least one question to be published");
        }
        if (definition.touchpointKeys().isEmpty()) {
            throw Invalid.field("touchpointKeys", "a survey needs at least one touchpoint to be published");
        }
        List<Violation> incomplete = DefinitionRules.checkPublishable(definition);
        if (!incomplete.isEmpty()) {
            throw Invalid.of(incomplete);
        }
        SurveyVersion version = new SurveyVersion(
                survey.id, survey.latestVersion == null ? 1 : survey.latestVersion + 1, definition, now(), publishedBy);
        versions.insert(version);

        survey.latestVersion = version.version();
        // A paused survey stays paused: publishing a correction must not restart its invitations.
        SurveyStatus before = survey.status;
        survey.status = survey.status == SurveyStatus.PAUSED ? SurveyStatus.PAUSED : SurveyStatus.PUBLISHED;
        survey.updatedAt = version.publishedAt();
        if (before != survey.status) {
            statusChanged(survey);
        }

        outbox.publish(
                SurveyVersionPublished.TYPE.of(event(survey.id, version.version(), definition, version.publishedAt())));
        return version;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Survey get(UUID id) {
        return surveys.findSurvey(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The survey with its row locked for the rest of the caller's transaction, so that an edit or an archive waits
     * until what the caller decided from it (distribution settings) is committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Survey lock(UUID id) {
        return surveys.findForUpdate(id).map(surveys::toSurvey).orElseThrow(() -> notFound(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SurveyVersion version(UUID id, int number) {
        return versions.find(id, number).orElseThrow(() -> NotFound.of("survey version", id + "/versions/" + number));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Survey> list(SurveyFilter filter, SurveyCursor after, int limit) {
        return surveys.list(filter, after, limit);
    }

    /** PUBLISHED → PAUSED: no new invitations; answers to invitations already sent are still taken. */
    @Transactional
    public Survey pause(UUID id) {
        return transition(id, SurveyStatus.PAUSED, "pause", SurveyStatus.PUBLISHED);
    }

    /** PAUSED → PUBLISHED. */
    @Transactional
    public Survey resume(UUID id) {
        return transition(id, SurveyStatus.PUBLISHED, "resume", SurveyStatus.PAUSED);
    }

    /** Any status but ARCHIVED → ARCHIVED, for good: an archived survey is neither edited nor published again. */
    @Transactional
    public Survey archive(UUID id) {
        return transition(
                id, SurveyStatus.ARCHIVED, "archive", SurveyStatus.DRAFT, SurveyStatus.PUBLISHED, SurveyStatus.PAUSED);
    }

    private Survey transition(UUID id, SurveyStatus target, String action, SurveyStatus... from) {
        SurveyEntity survey = surveys.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (!List.of(from).contains(survey.status)) {
            throw Conflict.of(
                    "Conflict",
                    "cannot " + action + " survey '" + id + "': it is " + survey.status + ", and only a survey that is "
                            + List.of(from) + " can be " + target,
                    null);
        }
        survey.status = target;
        survey.updatedAt = now();
        statusChanged(survey);
        surveys.flush(); // bumps the revision returned as the new ETag
        return surveys.toSurvey(survey);
    }

    /** Keyed {@code <id>:status}, so compaction keeps each survey's latest status beside its versions. */
    private void statusChanged(SurveyEntity survey) {
        outbox.publish(SurveyStatusChanged.TYPE.of(
                new SurveyStatusChanged(survey.id, survey.status.name(), survey.latestVersion, survey.updatedAt)));
    }

    static void check(SurveyDefinition definition) {
        DefinitionRules.check(definition);
    }

    private void apply(SurveyEntity survey, SurveyDefinition definition) {
        surveys.setDefinition(survey, definition);
        survey.updatedAt = now();
    }

    private static SurveyVersionPublished event(UUID surveyId, int version, SurveyDefinition d, Instant publishedAt) {
        List<SurveyVersionPublished.Question> questions = d.questions().stream()
                .map(q -> new SurveyVersionPublished.Question(
                        q.id(),
                        q.type().name(),
                        q.required(),
                        q.lowest(),
                        q.highest(),
                        q.text(),
                        q.options() == null
                                ? null
                                : q.options().stream()
                                        .map(o -> new SurveyVersionPublished.Option(o.id(), o.text()))
                                        .toList(),
                        q.minSelected(),
                        q.maxSelected(),
                        q.showIf() == null
                                ? null
                                : new SurveyVersionPublished.Condition(
                                        q.showIf().questionId(),
                                        q.showIf().operator().name(),
                                        q.showIf().value(),
                                        q.showIf().values())))
                .toList();
        return new SurveyVersionPublished(
                surveyId,
                version,
                d.name(),
                d.touchpointKeys(),
                d.defaultLocale(),
                questions,
                publishedAt,
                d.effectiveLocales(),
                d.brand() == null
                        ? null
                        : new SurveyVersionPublished.Brand(
                                d.brand().name(), d.brand().logoUrl(), d.brand().accentColor()));
    }

    /** PostgreSQL keeps microseconds: truncating keeps the API, the database and the events in agreement. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static DomainException notFound(UUID id) {
        return NotFound.of("survey", id.toString());
    }
}
