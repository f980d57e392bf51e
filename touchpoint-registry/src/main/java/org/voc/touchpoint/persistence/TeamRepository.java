package org.voc.touchpoint.persistence;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Team queries; listing is keyset-paginated by key. */
@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<TeamEntity, UUID> {

    public Optional<TeamEntity> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    public List<TeamEntity> list(String afterKey, int limit) {
        return find("key > ?1 order by key", afterKey == null ? "" : afterKey).page(0, limit).list();
    }

    public Set<String> allKeys() {
        return getEntityManager().createQuery("select key from TeamEntity", String.class).getResultStream()
                .collect(Collectors.toSet());
    }
}
