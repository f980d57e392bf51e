package org.voc.touchpoint.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Journey queries; listing is keyset-paginated by key, optionally only the journeys holding one touchpoint. */
@ApplicationScoped
public class JourneyRepository implements PanacheRepositoryBase<JourneyEntity, UUID> {

    public Optional<JourneyEntity> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    @SuppressWarnings("unchecked")
    public List<JourneyEntity> list(String touchpointKey, String afterKey, int limit) {
        if (touchpointKey == null) {
            return find("key > ?1 order by key", afterKey == null ? "" : afterKey).page(0, limit).list();
        }
        // jsonb containment uses the GIN index on stages.
        return getEntityManager().createNativeQuery("""
                select * from journey where key > :after
                and stages @> cast(:probe as jsonb) order by key limit :limit""", JourneyEntity.class)
                .setParameter("after", afterKey == null ? "" : afterKey)
                .setParameter("probe", "[{\"touchpointKeys\": [" + jsonString(touchpointKey) + "]}]")
                .setParameter("limit", limit)
                .getResultList();
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
