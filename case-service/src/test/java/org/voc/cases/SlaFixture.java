package org.voc.cases;

import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.voc.events.ResponseSubmitted;
import org.voc.events.TeamState;

/**
 * Test fixture for the SLA scheduler and the KPIs: cases are opened the normal way (a detractor response on a
 * touchpoint the team owns), then their work columns of V7 (status, due times, contact, resolution, business
 * seconds) are written directly with SQL, because the workflow that fills them is built separately. So a test can
 * have, say, a case whose first contact fell due an hour ago.
 */
final class SlaFixture {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<UUID> OPENED = new CopyOnWriteArrayList<>();

    private SlaFixture() {}

    /** A team that works Monday to Friday, 09:00–18:00 Europe/Berlin, with this ladder and contact. */
    static TeamState team(
            UUID id, String key, String contact, List<TeamState.EscalationStep> ladder, String... members) {
        return new TeamState(
                id,
                key,
                "Team " + key,
                contact,
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "09:00",
                "18:00",
                "Europe/Berlin",
                0,
                Events.RESPONDED_AT,
                List.of(members),
                List.of(),
                ladder);
    }

    /** Opens {@code count} detractor cases on a new touchpoint of {@code team}; returns their ids. */
    static List<UUID> openCases(Events events, String team, int count) {
        String touchpoint = "tp-" + team;
        events.publish(Events.touchpoint(UUID.randomUUID(), touchpoint, team, 0), null);
        List<ResponseSubmitted> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ResponseSubmitted response = Events.response(touchpoint, 2, "Nobody called me back");
            responses.add(response);
            events.publish(response, null);
        }
        List<Map<String, Object>> routed = Cases.awaitList(
                Map.of("team", team),
                items -> responses.stream().allMatch(r -> Cases.byResponse(items, r.responseId()) != null),
                count + " cases of " + team + " are opened and routed");
        List<UUID> ids = responses.stream()
                .map(r -> UUID.fromString(
                        (String) Cases.byResponse(routed, r.responseId()).get("id")))
                .toList();
        OPENED.addAll(ids);
        return ids;
    }

    /**
     * Deletes every case this fixture opened (their breaches, escalations, pauses and history go with them): their
     * statuses are the workflow's, which the listing of this slice cannot read, and their figures would count in
     * other tests' KPIs.
     */
    static void deleteOpened() {
        DataSource db = Arc.container().instance(DataSource.class).get();
        List<UUID> ids = new ArrayList<>(OPENED);
        try (Connection connection = db.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from customer_case where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        OPENED.removeAll(ids);
    }

    /** Waits until the replica has the team's ladder (or contact) and hours. */
    static void awaitSchedule(org.voc.cases.domain.TeamReplicaService teams, String key, int steps) {
        await("the schedule of " + key + " is replicated")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var schedule = QuarkusTransaction.requiringNew().call(() -> teams.scheduleOf(key));
                    return !schedule.calendar().isWallClock()
                            && schedule.ladder().steps().size() == steps;
                });
    }

    /** The work columns of one case, as the workflow would have left them; null leaves a column null. */
    record Work(
            String status,
            Instant openedAt,
            Instant firstContactDueAt,
            Instant firstContactAt,
            Long firstContactSeconds,
            Instant resolutionDueAt,
            Instant resolvedAt,
            Long resolutionSeconds) {}

    static void write(DataSource db, UUID caseId, Work work) {
        try (Connection connection = db.getConnection();
                PreparedStatement update = connection.prepareStatement("update customer_case set status = ?,"
                        + " opened_at = coalesce(?, opened_at), first_contact_due_at = ?, first_contact_at = ?,"
                        + " first_contact_business_seconds = ?, resolution_due_at = ?, resolved_at = ?,"
                        + " resolution_business_seconds = ? where id = ?")) {
            update.setString(1, work.status());
            update.setTimestamp(2, ts(work.openedAt()));
            update.setTimestamp(3, ts(work.firstContactDueAt()));
            update.setTimestamp(4, ts(work.firstContactAt()));
            update.setObject(5, work.firstContactSeconds());
            update.setTimestamp(6, ts(work.resolutionDueAt()));
            update.setTimestamp(7, ts(work.resolvedAt()));
            update.setObject(8, work.resolutionSeconds());
            update.setObject(9, caseId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no case " + caseId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a query and returns its rows as lists of column values (text). */
    static List<List<String>> rows(DataSource db, String sql, Object... params) {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof List<?> list) {
                    select.setArray(i + 1, connection.createArrayOf("uuid", list.toArray()));
                } else {
                    select.setObject(i + 1, params[i]);
                }
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Executes a statement. */
    static void execute(DataSource db, String sql, Object... params) {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i] instanceof Instant at ? ts(at) : params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
