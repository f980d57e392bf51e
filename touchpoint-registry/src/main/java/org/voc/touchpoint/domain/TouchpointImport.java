package org.voc.touchpoint.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.voc.events.Event;
import org.voc.events.TouchpointState;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.PayloadTooLarge;
import org.voc.touchpoint.persistence.JourneyEntity;
import org.voc.touchpoint.persistence.JourneyRepository;
import org.voc.touchpoint.persistence.TouchpointChangeEntity;
import org.voc.touchpoint.persistence.TouchpointEntity;
import org.voc.touchpoint.persistence.TouchpointHistoryRepository;
import org.voc.touchpoint.persistence.TouchpointRepository;

/**
 * Bulk upsert of a touchpoint audit by key. Every row is validated first (fields, duplicates in the file,
 * external references held elsewhere, journey stages); only a file without errors is written, in one
 * transaction, with batched statements: the whole file applies or nothing does.
 */
@ApplicationScoped
public class TouchpointImport {

    /** Most rows one import takes; a bigger audit is split into several files. */
    public static final int MAX_ROWS = 10_000;

    /** One problem of one row: the row number, the touchpoint key when known, the field at fault and why. */
    public record RowError(int row, String key, String field, String reason) {}

    /**
     * One row as read from the file: its fields, or null when they could not be read ({@code errors} says why);
     * {@code journeys} are {@code journeyKey/Stage name} entries.
     */
    public record Row(int number, String key, TouchpointFields fields, List<String> journeys, List<RowError> errors) {}

    /** The outcome of a dry run or an application; the counts describe the valid rows. */
    public record Report(
            String mode, boolean applied, int rows, int created, int updated, int unchanged, List<RowError> errors) {}

    private final TouchpointRepository touchpoints;
    private final TouchpointHistoryRepository history;
    private final JourneyRepository journeys;
    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper json;

    public TouchpointImport(
            TouchpointRepository touchpoints,
            TouchpointHistoryRepository history,
            JourneyRepository journeys,
            Outbox outbox,
            EntityManager em,
            ObjectMapper json) {
        this.touchpoints = touchpoints;
        this.history = history;
        this.journeys = journeys;
        this.outbox = outbox;
        this.em = em;
        this.json = json;
    }

    @Transactional
    public Report run(List<Row> rows, boolean apply, Actor actor) {
        if (rows.size() > MAX_ROWS) {
            throw new PayloadTooLarge(
                    "too-many-rows",
                    "Too many rows",
                    "an import takes at most " + MAX_ROWS + " rows, this file has " + rows.size(),
                    null);
        }
        List<RowError> errors = new ArrayList<>();
        rows.forEach(r -> errors.addAll(r.errors()));

        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.key() == null) {
                continue;
            }
            if (TouchpointService.RESERVED_KEYS.contains(row.key())) {
                errors.add(new RowError(row.number(), row.key(), "key", "'" + row.key() + "' is reserved"));
            }
            Row first = byKey.putIfAbsent(row.key(), row);
            if (first != null) {
                errors.add(new RowError(
                        row.number(),
                        row.key(),
                        "key",
                        "the key is already used by row " + first.number() + " of this file"));
            }
        }
        Map<String, TouchpointEntity> existing = new HashMap<>();
        List<String> keys = new ArrayList<>(byKey.keySet());
        for (int i = 0; i < keys.size(); i += 1000) {
            touchpoints
                    .findEntitiesByKeys(keys.subList(i, Math.min(keys.size(), i + 1000)))
                    .forEach(t -> existing.put(t.key, t));
        }
        checkRefs(rows, existing, errors);
        Map<String, JourneyEntity> journeysByKey = checkJourneys(rows, errors);

        errors.sort((a, b) -> a.row() != b.row()
                ? Integer.compare(a.row(), b.row())
                : String.valueOf(a.field()).compareTo(String.valueOf(b.field())));
        Set<Integer> invalidRows = new HashSet<>();
        errors.forEach(e -> invalidRows.add(e.row()));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<Row> valid =
                rows.stream().filter(r -> !invalidRows.contains(r.number())).toList();
        for (Row row : valid) {
            TouchpointEntity current = existing.get(row.key());
            if (current == null) {
                created++;
            } else if (changes(current, row.fields())) {
                updated++;
            } else {
                unchanged++;
            }
        }
        String mode = apply ? "apply" : "dry-run";
        if (!apply || !errors.isEmpty()) {
            return new Report(mode, false, rows.size(), created, updated, unchanged, errors);
        }
        write(rows, existing, journeysByKey, actor);
        return new Report(mode, true, rows.size(), created, updated, unchanged, List.of());
    }

    private void write(
            List<Row> rows,
            Map<String, TouchpointEntity> existing,
            Map<String, JourneyEntity> journeysByKey,
            Actor actor) {
        java.time.Instant now = TouchpointService.now();
        List<TouchpointEntity> written = new ArrayList<>();
        Map<TouchpointEntity, Map<String, Object>> before = new HashMap<>();
        List<TouchpointEntity> fresh = new ArrayList<>();
        for (Row row : rows) {
            TouchpointEntity t = existing.get(row.key());
            if (t == null) {
                t = new TouchpointEntity();
                t.id = UUID.randomUUID();
                t.key = row.key();
                t.createdAt = now;
                TouchpointSnapshot.apply(t, row.fields(), TouchpointStatus.ACTIVE, now);
                fresh.add(t);
                written.add(t);
            } else if (changes(t, row.fields())) {
                before.put(t, TouchpointSnapshot.of(t));
                TouchpointSnapshot.apply(t, row.fields(), t.status, now);
                written.add(t);
            }
        }
        touchpoints.persist(fresh);
        try {
            em.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw new Conflict(
                    "concurrent-change",
                    "Concurrent change",
                    "a touchpoint of the file was changed while it was imported; nothing was applied: import again",
                    null);
        }
        Map<UUID, List<ExternalRef>> refs = new LinkedHashMap<>();
        List<TouchpointChangeEntity> changes = new ArrayList<>(written.size());
        List<Event<TouchpointState>> events = new ArrayList<>(written.size());
        for (TouchpointEntity t : written) {
            refs.put(
                    t.id,
                    java.util.Arrays.stream(t.externalRefs)
                            .map(ExternalRef::decode)
                            .toList());
            changes.add(TouchpointService.change(t, "IMPORTED", before.get(t), actor, json));
            events.add(TouchpointState.TYPE.of(TouchpointSnapshot.state(t)));
        }
        touchpoints.replaceRefs(refs);
        history.insertAll(changes);
        outbox.publishAll(events);
        placeInJourneys(rows, journeysByKey, now);
    }

    /** Adds each row's touchpoint to the journey stages it names; stages keep their other touchpoints. */
    private void placeInJourneys(List<Row> rows, Map<String, JourneyEntity> journeysByKey, java.time.Instant now) {
        Map<String, List<Journey.Stage>> stages = new HashMap<>();
        Set<String> changed = new HashSet<>();
        for (Row row : rows) {
            for (String entry : row.journeys()) {
                int slash = entry.indexOf('/');
                String journeyKey = entry.substring(0, slash);
                String stageName = entry.substring(slash + 1);
                List<Journey.Stage> journeyStages = stages.computeIfAbsent(
                        journeyKey,
                        k -> new ArrayList<>(journeys.stages(journeysByKey.get(k)).stream()
                                .map(s -> new Journey.Stage(s.name(), new ArrayList<>(s.touchpointKeys())))
                                .toList()));
                for (Journey.Stage stage : journeyStages) {
                    if (stage.name().equals(stageName)
                            && !stage.touchpointKeys().contains(row.key())) {
                        stage.touchpointKeys().add(row.key());
                        changed.add(journeyKey);
                    }
                }
            }
        }
        for (String journeyKey : changed) {
            JourneyEntity journey = journeysByKey.get(journeyKey);
            journey.stages = journeys.stagesJson(stages.get(journeyKey));
            journey.updatedAt = now;
        }
        em.flush();
    }

    private static boolean changes(TouchpointEntity current, TouchpointFields fields) {
        if (fields == null) {
            return false;
        }
        TouchpointEntity wanted = new TouchpointEntity();
        TouchpointSnapshot.apply(wanted, fields, current.status, current.updatedAt);
        return !TouchpointSnapshot.diff(TouchpointSnapshot.of(current), TouchpointSnapshot.of(wanted))
                .isEmpty();
    }

    /**
     * A reference resolves to one touchpoint: two rows may not claim it, nor a row and a touchpoint outside the
     * file.
     */
    private void checkRefs(List<Row> rows, Map<String, TouchpointEntity> existing, List<RowError> errors) {
        Map<String, Row> claimed = new HashMap<>();
        List<ExternalRef> all = new ArrayList<>();
        for (Row row : rows) {
            if (row.fields() == null || row.fields().externalRefs() == null) {
                continue;
            }
            List<ExternalRef> refs = row.fields().externalRefs();
            for (int i = 0; i < refs.size(); i++) {
                Row first = claimed.putIfAbsent(refs.get(i).encoded(), row);
                if (first == null) {
                    all.add(refs.get(i));
                } else if (first != row) {
                    errors.add(new RowError(
                            row.number(),
                            row.key(),
                            "externalRefs[" + i + "]",
                            refs.get(i).system() + " event '" + refs.get(i).ref() + "' is also claimed by row "
                                    + first.number()));
                }
            }
        }
        Set<UUID> inFile = new HashSet<>();
        existing.values().forEach(t -> inFile.add(t.id));
        Map<String, String> held = new HashMap<>();
        for (int i = 0; i < all.size(); i += 5000) {
            held.putAll(touchpoints.refsHeldByOthers(all.subList(i, Math.min(all.size(), i + 5000)), inFile));
        }
        for (Row row : rows) {
            if (row.fields() == null || row.fields().externalRefs() == null) {
                continue;
            }
            List<ExternalRef> refs = row.fields().externalRefs();
            for (int i = 0; i < refs.size(); i++) {
                String owner = held.get(refs.get(i).encoded());
                if (owner != null) {
                    errors.add(new RowError(
                            row.number(),
                            row.key(),
                            "externalRefs[" + i + "]",
                            refs.get(i).system() + " event '" + refs.get(i).ref() + "' already resolves to touchpoint '"
                                    + owner + "'"));
                }
            }
        }
    }

    private Map<String, JourneyEntity> checkJourneys(List<Row> rows, List<RowError> errors) {
        Set<String> wanted = new HashSet<>();
        for (Row row : rows) {
            for (String entry : row.journeys()) {
                int slash = entry.indexOf('/');
                if (slash > 0) {
                    wanted.add(entry.substring(0, slash));
                }
            }
        }
        Map<String, JourneyEntity> found = new HashMap<>();
        if (!wanted.isEmpty()) {
            journeys.list("key in ?1", wanted).forEach(j -> found.put(j.key, j));
        }
        Map<String, Set<String>> stageNames = new HashMap<>();
        found.forEach((k, j) -> stageNames.put(
                k,
                new HashSet<>(
                        journeys.stages(j).stream().map(Journey.Stage::name).toList())));
        for (Row row : rows) {
            for (int i = 0; i < row.journeys().size(); i++) {
                String entry = row.journeys().get(i);
                int slash = entry.indexOf('/');
                String field = "journeys[" + i + "]";
                if (slash <= 0 || slash == entry.length() - 1) {
                    errors.add(new RowError(row.number(), row.key(), field, "must be journeyKey/Stage name"));
                } else if (!found.containsKey(entry.substring(0, slash))) {
                    errors.add(new RowError(
                            row.number(),
                            row.key(),
                            field,
                            "no journey has the key '" + entry.substring(0, slash) + "'"));
                } else if (!stageNames.get(entry.substring(0, slash)).contains(entry.substring(slash + 1))) {
                    errors.add(new RowError(
                            row.number(),
                            row.key(),
                            field,
                            "journey '" + entry.substring(0, slash) + "' has no stage '" + entry.substring(slash + 1)
                                    + "'"));
                }
            }
        }
        return found;
    }
}
