package org.voc.touchpoint.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.voc.events.TeamState;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.DomainException;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Revisions;
import org.voc.touchpoint.persistence.TeamEntity;
import org.voc.touchpoint.persistence.TeamRepository;

/** Registers and changes teams; every change publishes the team's full state on voc.teams through the outbox. */
@ApplicationScoped
public class TeamService {

    /** Field values of a team as the caller wants them. */
    public record Fields(
            String name,
            String escalationContact,
            List<DayOfWeek> workingDays,
            LocalTime workStart,
            LocalTime workEnd,
            String timeZone,
            List<String> members) {}

    private final TeamRepository teams;
    private final Outbox outbox;
    private final EntityManager em;

    public TeamService(TeamRepository teams, Outbox outbox, EntityManager em) {
        this.teams = teams;
        this.outbox = outbox;
        this.em = em;
    }

    @Transactional
    public Team register(String key, Fields fields) {
        if (teams.findByKey(key).isPresent()) {
            throw conflict(key);
        }
        TeamEntity team = new TeamEntity();
        team.id = UUID.randomUUID();
        team.key = key;
        team.createdAt = TouchpointService.now();
        apply(team, fields);
        try {
            teams.persistAndFlush(team);
        } catch (ConstraintViolationException e) {
            throw conflict(key);
        }
        publish(team);
        return TeamRepository.toTeam(team);
    }

    @Transactional
    public Team change(String key, long expectedRevision, Fields fields) {
        TeamEntity team = teams.findEntityByKey(key).orElseThrow(() -> NotFound.of("team", key));
        if (team.version != expectedRevision) {
            throw Revisions.stale("team", key, team.version, expectedRevision);
        }
        apply(team, fields);
        em.flush();
        publish(team);
        return TeamRepository.toTeam(team);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Team get(String key) {
        return teams.findByKey(key).orElseThrow(() -> NotFound.of("team", key));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Team> list(String after, int limit) {
        return teams.list(after, limit);
    }

    private static void apply(TeamEntity team, Fields f) {
        if (!f.workEnd().isAfter(f.workStart())) {
            throw Invalid.field("workingHours.end", "must be after workingHours.start");
        }
        team.name = f.name();
        team.escalationContact = f.escalationContact();
        team.workingDays = f.workingDays().stream()
                .distinct()
                .sorted()
                .map(DayOfWeek::name)
                .toArray(String[]::new);
        team.workStart = f.workStart();
        team.workEnd = f.workEnd();
        team.timeZone = f.timeZone();
        // Keycloak keeps user names in lower case and tokens carry them so: a member typed "J.Smith" must match.
        team.members = f.members().stream()
                .map(m -> m.toLowerCase(Locale.ROOT))
                .distinct()
                .sorted()
                .toArray(String[]::new);
        team.updatedAt = TouchpointService.now();
    }

    private void publish(TeamEntity t) {
        outbox.publish(TeamState.TYPE.of(new TeamState(
                t.id,
                t.key,
                t.name,
                t.escalationContact,
                Arrays.asList(t.workingDays),
                t.workStart.toString(),
                t.workEnd.toString(),
                t.timeZone,
                t.version,
                t.updatedAt,
                Arrays.asList(t.members))));
    }

    private static DomainException conflict(String key) {
        return new Conflict(
                "conflict", "Key already registered", "a team with key '" + key + "' already exists", "key");
    }
}
