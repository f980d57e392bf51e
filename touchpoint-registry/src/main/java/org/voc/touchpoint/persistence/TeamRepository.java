package org.voc.touchpoint.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.voc.touchpoint.domain.Team;

/** Team queries; listing is keyset-paginated by key. */
@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<TeamEntity, UUID> {

    public Optional<Team> findByKey(String key) {
        return findEntityByKey(key).map(TeamRepository::toTeam);
    }

    /** The managed row, for a change that bumps its revision. */
    public Optional<TeamEntity> findEntityByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    public List<Team> list(String afterKey, int limit) {
        return find("key > ?1 order by key", afterKey == null ? "" : afterKey).page(0, limit).list().stream()
                .map(TeamRepository::toTeam)
                .toList();
    }

    public Set<String> allKeys() {
        return getEntityManager()
                .createQuery("select key from TeamEntity", String.class)
                .getResultStream()
                .collect(Collectors.toSet());
    }

    /** The record of a row; a service that has just changed a managed row returns it through this. */
    public static Team toTeam(TeamEntity e) {
        return new Team(
                e.id,
                e.key,
                e.name,
                e.escalationContact,
                Arrays.stream(e.workingDays).map(DayOfWeek::valueOf).toList(),
                e.workStart,
                e.workEnd,
                e.timeZone,
                List.of(e.members),
                e.version,
                e.createdAt,
                e.updatedAt);
    }
}
