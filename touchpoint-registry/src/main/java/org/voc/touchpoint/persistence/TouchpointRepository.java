package org.voc.touchpoint.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

/** Touchpoint queries; listing is keyset-paginated by key so pages stay correct under concurrent inserts. */
@ApplicationScoped
public class TouchpointRepository implements PanacheRepositoryBase<TouchpointEntity, UUID> {

    public Optional<TouchpointEntity> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    public List<TouchpointEntity> list(TouchpointFilter filter, String afterKey, int limit) {
        StringBuilder query = new StringBuilder("key > :after");
        Parameters params = Parameters.with("after", afterKey == null ? "" : afterKey);
        if (filter.channel() != null) {
            query.append(" and channel = :channel");
            params.and("channel", filter.channel());
        }
        if (filter.journeyStage() != null) {
            query.append(" and journeyStage = :stage");
            params.and("stage", filter.journeyStage());
        }
        if (filter.ownerTeam() != null) {
            query.append(" and ownerTeam = :team");
            params.and("team", filter.ownerTeam());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.segment() != null) {
            query.append(" and array_contains(segments, :segment)");
            params.and("segment", filter.segment());
        }
        query.append(" order by key");
        return find(query.toString(), params).page(0, limit).list();
    }
}
