package org.voc.touchpoint.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.voc.touchpoint.domain.EscalationStep;
import org.voc.touchpoint.domain.Team;
import org.voc.touchpoint.domain.TeamHoliday;

/** Team queries; listing is keyset-paginated by key. */
@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<TeamEntity, UUID> {

    /** A holiday as the jsonb column holds it: ISO text, readable in psql. */
    record StoredHoliday(String date, String name) {}

    /** A ladder step as the jsonb column holds it; {@code after} is an ISO-8601 duration. */
    record StoredStep(String after, List<String> recipients, String label) {}

    private static final TypeReference<List<StoredHoliday>> HOLIDAYS = new TypeReference<>() {};
    private static final TypeReference<List<StoredStep>> LADDER = new TypeReference<>() {};

    private final ObjectMapper json;

    public TeamRepository(ObjectMapper json) {
        this.json = json;
    }

    public Optional<Team> findByKey(String key) {
        return findEntityByKey(key).map(this::toTeam);
    }

    /** The managed row, for a change that bumps its revision. */
    public Optional<TeamEntity> findEntityByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    public List<Team> list(String afterKey, int limit) {
        return find("key > ?1 order by key", afterKey == null ? "" : afterKey).page(0, limit).list().stream()
                .map(this::toTeam)
                .toList();
    }

    public Set<String> allKeys() {
        return getEntityManager()
                .createQuery("select key from TeamEntity", String.class)
                .getResultStream()
                .collect(Collectors.toSet());
    }

    public String holidaysJson(List<TeamHoliday> holidays) {
        return write(holidays.stream()
                .map(h -> new StoredHoliday(h.date().toString(), h.name()))
                .toList());
    }

    public String ladderJson(List<EscalationStep> ladder) {
        return write(ladder.stream()
                .map(s -> new StoredStep(s.after().toString(), s.recipients(), s.label()))
                .toList());
    }

    /** The record of a row; a service that has just changed a managed row returns it through this. */
    public Team toTeam(TeamEntity e) {
        try {
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
                    json.readValue(e.holidays, HOLIDAYS).stream()
                            .map(h -> new TeamHoliday(LocalDate.parse(h.date()), h.name()))
                            .toList(),
                    json.readValue(e.escalationLadder, LADDER).stream()
                            .map(s -> new EscalationStep(Duration.parse(s.after()), s.recipients(), s.label()))
                            .toList(),
                    e.version,
                    e.createdAt,
                    e.updatedAt);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("team " + e.key + " holds unreadable JSON", ex);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
