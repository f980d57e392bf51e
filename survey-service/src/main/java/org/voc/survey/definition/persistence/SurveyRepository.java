package org.voc.survey.definition.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.voc.survey.definition.domain.SurveyCursor;
import org.voc.survey.definition.domain.SurveyFilter;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

/** Survey queries; listing is keyset-paginated by (createdAt, id) so pages stay correct under concurrent inserts. */
@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<SurveyEntity, UUID> {

    /** Locks the row, so concurrent edits and publishes of one survey run one after the other. */
    public Optional<SurveyEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<SurveyEntity> list(SurveyFilter filter, SurveyCursor after, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (after != null) {
            query.append(" and (createdAt > :afterTime or (createdAt = :afterTime and id > :afterId))");
            params.and("afterTime", after.createdAt()).and("afterId", after.id());
        }
        if (filter.touchpointKey() != null) {
            query.append(" and array_contains(touchpointKeys, :touchpoint)");
            params.and("touchpoint", filter.touchpointKey());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        query.append(" order by createdAt, id");
        return find(query.toString(), params).page(0, limit).list();
    }
}
