package org.voc.metrics.scores.domain;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.voc.events.ResponseSubmitted;
import org.voc.metrics.scores.persistence.RollupTable;
import org.voc.metrics.scores.persistence.ScoreRollupRepository;

/**
 * Adds each response's scores to the hourly, daily (also summed over touchpoints, and by touchpoint or by channel
 * and segment alone) and people roll-ups exactly once: the processed-event records and the increments commit in
 * one transaction, so a replay or a re-sent batch never counts a response twice.
 */
@ApplicationScoped
public class ScoreRecorder {

    private static final Logger LOG = Logger.getLogger(ScoreRecorder.class);

    private final ScoreRollupRepository rollups;
    private final ZoneId reportingZone;

    public ScoreRecorder(ScoreRollupRepository rollups, MetricsConfig config) {
        this.rollups = rollups;
        this.reportingZone = config.reportingZone();
    }

    /** Builds the daily roll-up in the configured zone if it was built in another one (or never). */
    @Transactional
    void alignReportingZone(@Observes StartupEvent start) {
        String built = rollups.dailyZone();
        if (!reportingZone.getId().equals(built)) {
            int rows = rollups.rebuildDaily(reportingZone);
            LOG.infof("daily roll-up rebuilt in %s (was %s): %d rows", reportingZone.getId(), built, rows);
        }
    }

    /**
     * Counts the responses not counted before, in one transaction.
     *
     * @return how many responses were new
     */
    @Transactional
    public int record(List<ResponseSubmitted> responses) {
        Map<UUID, ResponseSubmitted> unique = new LinkedHashMap<>();
        for (ResponseSubmitted response : responses) {
            unique.putIfAbsent(response.responseId(), response);
        }
        if (unique.isEmpty()) {
            return 0;
        }
        Set<UUID> fresh = rollups.markProcessed(unique.keySet());
        // merged by hash, sorted once per table when written: a tree would compare nine fields at every merge
        Map<RollupKey, Tally> hours = new HashMap<>();
        Map<RollupKey, Tally> days = new HashMap<>();
        Map<RollupKey, Tally> people = new HashMap<>();
        Map<RollupKey, Tally> allTouchpoints = new HashMap<>();
        Map<RollupKey, Tally> touchpoints = new HashMap<>();
        Map<RollupKey, Tally> channelsAndSegments = new HashMap<>();
        for (ResponseSubmitted response : unique.values()) {
            if (!fresh.contains(response.responseId())) {
                continue;
            }
            String hour = response.respondedAt().truncatedTo(ChronoUnit.HOURS).toString();
            String day =
                    response.respondedAt().atZone(reportingZone).toLocalDate().toString();
            for (Score score : scores(response)) {
                RollupKey dayKey = key(score, day, response, "", "");
                hours.merge(key(score, hour, response, "", ""), score.tally(), Tally::plus);
                days.merge(dayKey, score.tally(), Tally::plus);
                allTouchpoints.merge(dayKey.overAllTouchpoints(), score.tally(), Tally::plus);
                touchpoints.merge(dayKey.byTouchpointOnly(), score.tally(), Tally::plus);
                channelsAndSegments.merge(dayKey.byChannelAndSegmentOnly(), score.tally(), Tally::plus);
                if (present(response.employeeRef())) {
                    people.merge(
                            key(score, day, response, "employee", response.employeeRef()), score.tally(), Tally::plus);
                }
                if (present(response.processRef())) {
                    people.merge(
                            key(score, day, response, "process", response.processRef()), score.tally(), Tally::plus);
                }
            }
        }
        rollups.add(RollupTable.HOUR, hours);
        rollups.add(RollupTable.DAY, days);
        rollups.add(RollupTable.DAY_ALL_TOUCHPOINTS, allTouchpoints);
        rollups.add(RollupTable.DAY_TOUCHPOINT, touchpoints);
        rollups.add(RollupTable.DAY_CHANNEL_SEGMENT, channelsAndSegments);
        rollups.add(RollupTable.PEOPLE, people);
        return fresh.size();
    }

    /** One value a response adds to one metric (and question, for RATING). */
    record Score(Metric metric, String questionId, Tally tally) {}

    /**
     * The scores of a response. NPS comes from the event's {@code nps} (the field every version carries); each
     * CSAT, CES, CLI-part and RATING answer counts once; CLI counts when the response has all three 0..10 answers.
     * Scores outside their scale (an upstream bug) are left out rather than corrupt a bin.
     */
    static List<Score> scores(ResponseSubmitted response) {
        List<Score> scores = new ArrayList<>();
        Integer nps = response.nps();
        Integer repurchase = null;
        Integer crossBuy = null;
        if (nps != null && Metric.NPS.accepts(nps)) {
            scores.add(new Score(Metric.NPS, "", Tally.of(Metric.NPS, nps)));
        } else {
            nps = null;
        }
        List<ResponseSubmitted.Answer> answers = response.answers() == null ? List.of() : response.answers();
        for (ResponseSubmitted.Answer answer : answers) {
            Metric metric = Metric.ofAnswerType(answer.type());
            if (metric == null || metric == Metric.NPS || answer.score() == null || !metric.accepts(answer.score())) {
                continue;
            }
            String question = metric == Metric.RATING ? nullToEmpty(answer.questionId()) : "";
            scores.add(new Score(metric, question, Tally.of(metric, answer.score())));
            if (metric == Metric.CLI_REPURCHASE) {
                repurchase = answer.score();
            } else if (metric == Metric.CLI_CROSS_BUY) {
                crossBuy = answer.score();
            }
        }
        if (nps != null && repurchase != null && crossBuy != null) {
            scores.add(new Score(Metric.CLI, "", Tally.cli(nps, repurchase, crossBuy)));
        }
        return scores;
    }

    private static RollupKey key(Score score, String period, ResponseSubmitted r, String kind, String ref) {
        return new RollupKey(
                score.metric(),
                score.questionId(),
                period,
                r.touchpointKey(),
                nullToEmpty(r.channel()),
                nullToEmpty(r.segment()),
                r.surveyId() == null ? "" : r.surveyId().toString(),
                kind,
                ref);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
