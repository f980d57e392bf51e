package org.voc.touchpoint.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
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

    /** Longest delay of an escalation step: a month of business time is already no escalation. */
    static final Duration MAX_AFTER = Duration.ofHours(24 * 31);

    /** Field values of a team as the caller wants them. */
    public record Fields(
            String name,
            String escalationContact,
            List<DayOfWeek> workingDays,
            LocalTime workStart,
            LocalTime workEnd,
            String timeZone,
            List<String> members,
            List<TeamHoliday> holidays,
            List<EscalationStep> escalationLadder) {}

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
        return teams.toTeam(team);
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
        return teams.toTeam(team);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Team get(String key) {
        return teams.findByKey(key).orElseThrow(() -> NotFound.of("team", key));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Team> list(String after, int limit) {
        return teams.list(after, limit);
    }

    private void apply(TeamEntity team, Fields f) {
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
        // One entry a day, in date order: a repeated date keeps its first name.
        team.holidays = teams.holidaysJson(f.holidays().stream()
                .collect(Collectors.toMap(TeamHoliday::date, h -> h, (a, b) -> a, TreeMap::new))
                .values()
                .stream()
                .toList());
        team.escalationLadder = teams.ladderJson(ladder(f.escalationLadder()));
        team.updatedAt = TouchpointService.now();
    }

    /**
     * The ladder in the order given, which must be the order of {@code after}: a later step that fired earlier
     * would be a misordered ladder, not a second one. Recipients are kept once each, e-mail addresses and user
     * names alike in lower case (Keycloak compares user names so).
     */
    private static List<EscalationStep> ladder(List<EscalationStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            Duration after = steps.get(i).after();
            if (after.isNegative()) {
                throw Invalid.field("escalationLadder[" + i + "].after", "must not be negative");
            }
            if (after.compareTo(MAX_AFTER) > 0) {
                throw Invalid.field("escalationLadder[" + i + "].after", "must be at most " + MAX_AFTER);
            }
            if (i > 0 && after.compareTo(steps.get(i - 1).after()) < 0) {
                throw Invalid.field("escalationLadder[" + i + "].after", "must not be shorter than the step before it");
            }
        }
        return steps.stream()
                .map(s -> new EscalationStep(
                        s.after(),
                        s.recipients().stream()
                                .map(n -> n.toLowerCase(Locale.ROOT))
                                .distinct()
                                .toList(),
                        s.label()))
                .toList();
    }

    private void publish(TeamEntity t) {
        Team team = teams.toTeam(t);
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
                Arrays.asList(t.members),
                team.holidays().stream()
                        .map(h -> new TeamState.Holiday(h.date().toString(), h.name()))
                        .toList(),
                team.escalationLadder().stream()
                        .map(s -> new TeamState.EscalationStep(s.after().toString(), s.recipients(), s.label()))
                        .toList())));
    }

    private static DomainException conflict(String key) {
        return new Conflict(
                "conflict", "Key already registered", "a team with key '" + key + "' already exists", "key");
    }
}
