package org.voc.touchpoint.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.voc.touchpoint.domain.Journey;

/** Journey queries; listing is keyset-paginated by key, optionally only the journeys holding one touchpoint. */
@ApplicationScoped
public class JourneyRepository implements PanacheRepositoryBase<JourneyEntity, UUID> {

    private static final TypeReference<List<Journey.Stage>> STAGES = new TypeReference<>() {};

    private final ObjectMapper json;

    public JourneyRepository(ObjectMapper json) {
        this.json = json;
    }

    public Optional<Journey> findByKey(String key) {
        return findEntityByKey(key).map(this::toJourney);
    }

    /** The managed row, for a change or a deletion that checks its revision. */
    public Optional<JourneyEntity> findEntityByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    @SuppressWarnings("unchecked")
    public List<Journey> list(String touchpointKey, String afterKey, int limit) {
        List<JourneyEntity> rows;
        if (touchpointKey == null) {
            rows = find("key > ?1 order by key", afterKey == null ? "" : afterKey)
                    .page(0, limit)
                    .list();
        } else {
            // jsonb containment uses the GIN index on stages.
            rows = getEntityManager()
                    .createNativeQuery("""
                    select * from journey where key > :after
                    and stages @> cast(:probe as jsonb) order by key limit :limit""", JourneyEntity.class)
                    .setParameter("after", afterKey == null ? "" : afterKey)
                    .setParameter("probe", "[{\"touchpointKeys\": [" + jsonString(touchpointKey) + "]}]")
                    .setParameter("limit", limit)
                    .getResultList();
        }
        return rows.stream().map(this::toJourney).toList();
    }

    /** The record of a row; a service that has just changed a managed row returns it through this. */
    public Journey toJourney(JourneyEntity e) {
        return new Journey(e.id, e.key, e.name, e.description, stages(e), e.version, e.createdAt, e.updatedAt);
    }

    public List<Journey.Stage> stages(JourneyEntity journey) {
        try {
            return json.readValue(journey.stages, STAGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored stages of journey " + journey.key + " are unreadable", e);
        }
    }

    public String stagesJson(List<Journey.Stage> stages) {
        try {
            return json.writeValueAsString(stages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
