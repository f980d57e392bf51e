package org.voc.cases.causes.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.voc.cases.causes.persistence.ResponseTallyRepository;
import org.voc.events.ResponseSubmitted;

/**
 * Counts every submitted response per touchpoint and UTC day (docs/improvement.md, "The denominators"): the NPS
 * answers a touchpoint had are what the Pareto's NPS points lost divide by. Exact under redelivery and replay: a
 * response is counted only the first time its id is recorded (processed_response), in the transaction that opens
 * the poll's cases; one upsert per (touchpoint, day) per poll.
 */
@ApplicationScoped
public class ResponseTally {

    private static final Comparator<DayTally> LOCK_ORDER =
            Comparator.comparing(DayTally::touchpointKey).thenComparing(DayTally::day);

    private final ResponseTallyRepository tally;

    public ResponseTally(ResponseTallyRepository tally) {
        this.tally = tally;
    }

    /** Counts the responses not counted before; part of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(List<ResponseSubmitted> responses) {
        if (responses.isEmpty()) {
            return;
        }
        Map<UUID, ResponseSubmitted> byId = new LinkedHashMap<>();
        for (ResponseSubmitted r : responses) {
            byId.putIfAbsent(r.responseId(), r);
        }
        Set<UUID> fresh = tally.markProcessed(byId.keySet());
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, Map<LocalDate, long[]>> counts = new HashMap<>();
        for (UUID id : fresh) {
            ResponseSubmitted r = byId.get(id);
            String key = r.touchpointKey() == null ? "" : r.touchpointKey();
            LocalDate day = LocalDate.ofInstant(r.respondedAt(), ZoneOffset.UTC);
            long[] c = counts.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(day, d -> new long[5]);
            c[0]++;
            Integer nps = r.nps();
            if (nps != null) {
                c[1]++;
                c[nps >= 9 ? 2 : nps >= 7 ? 3 : 4]++;
            }
        }
        List<DayTally> rows = new ArrayList<>();
        counts.forEach((key, days) ->
                days.forEach((day, c) -> rows.add(new DayTally(key, day, c[0], c[1], c[2], c[3], c[4]))));
        // One order for every replica, so two polls adding to the same rows cannot deadlock.
        rows.sort(LOCK_ORDER);
        tally.add(rows);
    }
}
