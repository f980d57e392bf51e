package org.voc.touchpoint.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.voc.touchpoint.persistence.JourneyEntity;
import org.voc.touchpoint.persistence.JourneyRepository;
import org.voc.touchpoint.persistence.TouchpointEntity;
import org.voc.touchpoint.persistence.TouchpointRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.voc.kit.problem.DomainException;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.Revisions;

/** Named customer journeys: ordered stages, each holding registered touchpoints. */
@ApplicationScoped
public class JourneyService {

    /** One stage of a journey, in journey order. */
    public record Stage(String name, List<String> touchpointKeys) {
    }

    /** Field values of a journey as the caller wants them. */
    public record Fields(String name, String description, List<Stage> stages) {
    }

    private static final TypeReference<List<Stage>> STAGES = new TypeReference<>() {
    };

    private final JourneyRepository journeys;
    private final TouchpointRepository touchpoints;
    private final EntityManager em;
    private final ObjectMapper json;

    public JourneyService(JourneyRepository journeys, TouchpointRepository touchpoints, EntityManager em,
            ObjectMapper json) {
        this.journeys = journeys;
        this.touchpoints = touchpoints;
        this.em = em;
        this.json = json;
    }

    @Transactional
    public JourneyEntity create(String key, Fields fields) {
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
        return journey;
    }

    @Transactional
    public JourneyEntity change(String key, long expectedRevision, Fields fields) {
        JourneyEntity journey = current(key, expectedRevision);
        apply(journey, fields);
        em.flush();
        return journey;
    }

    @Transactional
    public void delete(String key, long expectedRevision) {
        journeys.delete(current(key, expectedRevision));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JourneyEntity get(String key) {
        return journeys.findByKey(key).orElseThrow(() -> NotFound.of("journey", key));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JourneyEntity> list(String touchpointKey, String after, int limit) {
        return journeys.list(touchpointKey, after, limit);
    }

    public List<Stage> stages(JourneyEntity journey) {
        try {
            return json.readValue(journey.stages, STAGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored stages of journey " + journey.key + " are unreadable", e);
        }
    }

    public String stagesJson(List<Stage> stages) {
        try {
            return json.writeValueAsString(stages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every touchpoint key the journey holds, in any stage. */
    public Set<String> touchpointKeys(JourneyEntity journey) {
        return stages(journey).stream().flatMap(s -> s.touchpointKeys().stream()).collect(Collectors.toSet());
    }

    private JourneyEntity current(String key, long expectedRevision) {
        JourneyEntity journey = get(key);
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
        Set<String> known = touchpoints.findByKeys(wanted).stream().map((TouchpointEntity t) -> t.key)
                .collect(Collectors.toSet());
        for (int i = 0; i < f.stages().size(); i++) {
            List<String> keys = f.stages().get(i).touchpointKeys();
            for (int j = 0; j < keys.size(); j++) {
                if (!known.contains(keys.get(j))) {
                    throw Invalid.field("stages[" + i + "].touchpointKeys[" + j + "]",
                            "no touchpoint has the key '" + keys.get(j) + "'");
                }
            }
        }
        journey.name = f.name();
        journey.description = f.description();
        journey.stages = stagesJson(f.stages().stream()
                .map(s -> new Stage(s.name(), s.touchpointKeys().stream().distinct().toList())).toList());
        journey.updatedAt = TouchpointService.now();
    }

    private static DomainException conflict(String key) {
        return new Conflict("conflict", "Key already registered",
                "a journey with key '" + key + "' already exists", "key");
    }
}
