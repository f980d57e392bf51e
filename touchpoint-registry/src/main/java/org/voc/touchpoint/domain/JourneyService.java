package org.voc.touchpoint.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.DomainException;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Revisions;
import org.voc.touchpoint.persistence.JourneyEntity;
import org.voc.touchpoint.persistence.JourneyRepository;
import org.voc.touchpoint.persistence.TouchpointRepository;

/** Named customer journeys: ordered stages, each holding registered touchpoints. */
@ApplicationScoped
public class JourneyService {

    /** Field values of a journey as the caller wants them. */
    public record Fields(String name, String description, List<Journey.Stage> stages) {}

    private final JourneyRepository journeys;
    private final TouchpointRepository touchpoints;
    private final EntityManager em;

    public JourneyService(JourneyRepository journeys, TouchpointRepository touchpoints, EntityManager em) {
        this.journeys = journeys;
        this.touchpoints = touchpoints;
        this.em = em;
    }

    @Transactional
    public Journey create(String key, Fields fields) {
        if (journeys.findByKey(key).isPresent()) {
            throw conflict(key);
        }
        JourneyEntity journey = new JourneyEntity();
        journey.id = UUID.randomUUID();
        journey.key = key;
        journey.createdAt = TouchpointService.now();
        apply(journey, fields);
        try {
            journeys.persistAndFlush(journey);
        } catch (ConstraintViolationException e) {
            throw conflict(key);
        }
        return journeys.toJourney(journey);
    }

    @Transactional
    public Journey change(String key, long expectedRevision, Fields fields) {
        JourneyEntity journey = current(key, expectedRevision);
        apply(journey, fields);
        em.flush();
        return journeys.toJourney(journey);
    }

    @Transactional
    public void delete(String key, long expectedRevision) {
        journeys.delete(current(key, expectedRevision));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Journey get(String key) {
        return journeys.findByKey(key).orElseThrow(() -> NotFound.of("journey", key));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Journey> list(String touchpointKey, String after, int limit) {
        return journeys.list(touchpointKey, after, limit);
    }

    private JourneyEntity current(String key, long expectedRevision) {
        JourneyEntity journey = journeys.findEntityByKey(key).orElseThrow(() -> NotFound.of("journey", key));
        if (journey.version != expectedRevision) {
            throw Revisions.stale("journey", key, journey.version, expectedRevision);
        }
        return journey;
    }

    private void apply(JourneyEntity journey, Fields f) {
        Set<String> names = new HashSet<>();
        Set<String> wanted = new HashSet<>();
        for (int i = 0; i < f.stages().size(); i++) {
            if (!names.add(f.stages().get(i).name())) {
                throw Invalid.field("stages[" + i + "].name", "another stage of this journey has this name");
            }
            wanted.addAll(f.stages().get(i).touchpointKeys());
        }
        Set<String> known =
                touchpoints.findByKeys(wanted).stream().map(Touchpoint::key).collect(Collectors.toSet());
        for (int i = 0; i < f.stages().size(); i++) {
            List<String> keys = f.stages().get(i).touchpointKeys();
            for (int j = 0; j < keys.size(); j++) {
                if (!known.contains(keys.get(j))) {
                    throw Invalid.field(
                            "stages[" + i + "].touchpointKeys[" + j + "]",
                            "no touchpoint has the key '" + keys.get(j) + "'");
                }
            }
        }
        journey.name = f.name();
        journey.description = f.description();
        journey.stages = journeys.stagesJson(f.stages().stream()
                .map(s -> new Journey.Stage(
                        s.name(), s.touchpointKeys().stream().distinct().toList()))
                .toList());
        journey.updatedAt = TouchpointService.now();
    }

    private static DomainException conflict(String key) {
        return new Conflict(
                "conflict", "Key already registered", "a journey with key '" + key + "' already exists", "key");
    }
}
