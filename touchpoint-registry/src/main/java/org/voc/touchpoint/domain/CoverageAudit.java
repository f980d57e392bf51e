package org.voc.touchpoint.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.voc.touchpoint.persistence.SurveyCoverageRepository;
import org.voc.touchpoint.persistence.TeamRepository;
import org.voc.touchpoint.persistence.TouchpointRepository;

/**
 * How well the touchpoints in scope (not retired) are covered: counts by stage × channel × segment, the share with
 * an active feedback source (a published survey asks about them), the stages and segments without any direct
 * signal, and the touchpoints whose owner team is not registered.
 */
@ApplicationScoped
public class CoverageAudit {

    /** Segment label of touchpoints that name no segment. */
    public static final String NO_SEGMENT = "(none)";

    /** One stage × channel × segment combination that has touchpoints. */
    public record Cell(JourneyStage stage, Channel channel, String segment, int touchpoints, int withFeedbackSource) {}

    /** A touchpoint whose owner team is not registered. */
    public record Unowned(String key, String ownerTeam, String reason) {}

    /** The audit of one scope. */
    public record Report(
            String scope,
            int touchpoints,
            int withFeedbackSource,
            double feedbackSourceShare,
            List<Cell> cells,
            List<JourneyStage> stagesWithoutDirectSignal,
            List<String> segmentsWithoutDirectSignal,
            List<Unowned> withoutOwner) {}

    private final TouchpointRepository touchpoints;
    private final TeamRepository teams;
    private final SurveyCoverageRepository surveys;
    private final JourneyService journeys;

    public CoverageAudit(
            TouchpointRepository touchpoints,
            TeamRepository teams,
            SurveyCoverageRepository surveys,
            JourneyService journeys) {
        this.touchpoints = touchpoints;
        this.teams = teams;
        this.surveys = surveys;
        this.journeys = journeys;
    }

    /** The whole registry, or only the touchpoints with {@code tag} when it is given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report registry(String tag) {
        return audit(tag == null ? "registry" : "tag:" + tag, touchpoints.listNotRetired(tag));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report journey(String key) {
        Set<String> keys = journeys.get(key).touchpointKeys();
        List<Touchpoint> inScope = touchpoints.findByKeys(keys).stream()
                .filter(t -> t.status() != TouchpointStatus.RETIRED)
                .toList();
        return audit("journey:" + key, inScope);
    }

    private Report audit(String scope, Collection<Touchpoint> inScope) {
        Set<String> covered = surveys.coveredTouchpointKeys();
        Set<String> registeredTeams = teams.allKeys();
        record CellKey(JourneyStage stage, Channel channel, String segment) implements Comparable<CellKey> {
            public int compareTo(CellKey o) {
                int c = stage.compareTo(o.stage);
                if (c == 0) {
                    c = channel.compareTo(o.channel);
                }
                return c != 0 ? c : segment.compareTo(o.segment);
            }
        }
        Map<CellKey, int[]> cells = new TreeMap<>();
        Set<JourneyStage> directStages = EnumSet.noneOf(JourneyStage.class);
        Set<String> segments = new TreeSet<>();
        Set<String> directSegments = new TreeSet<>();
        List<Unowned> unowned = new ArrayList<>();
        int withSource = 0;
        for (Touchpoint t : inScope) {
            boolean hasSource = covered.contains(t.key());
            if (hasSource) {
                withSource++;
            }
            List<String> own = t.segments().isEmpty() ? List.of(NO_SEGMENT) : t.segments();
            for (String segment : own) {
                int[] counts =
                        cells.computeIfAbsent(new CellKey(t.journeyStage(), t.channel(), segment), k -> new int[2]);
                counts[0]++;
                counts[1] += hasSource ? 1 : 0;
            }
            segments.addAll(t.segments());
            if (t.signalKind() == SignalKind.DIRECT) {
                directStages.add(t.journeyStage());
                directSegments.addAll(t.segments());
            }
            if (!registeredTeams.contains(t.ownerTeam())) {
                unowned.add(new Unowned(t.key(), t.ownerTeam(), "owner team not registered"));
            }
        }
        unowned.sort((a, b) -> a.key().compareTo(b.key()));
        List<JourneyStage> stagesWithout = Arrays.stream(JourneyStage.values())
                .filter(s -> !directStages.contains(s))
                .toList();
        List<String> segmentsWithout =
                segments.stream().filter(s -> !directSegments.contains(s)).toList();
        double share = inScope.isEmpty() ? 0 : Math.round(10_000.0 * withSource / inScope.size()) / 10_000.0;
        return new Report(
                scope,
                inScope.size(),
                withSource,
                share,
                cells.entrySet().stream()
                        .map(e -> new Cell(
                                e.getKey().stage(),
                                e.getKey().channel(),
                                e.getKey().segment(),
                                e.getValue()[0],
                                e.getValue()[1]))
                        .toList(),
                stagesWithout,
                segmentsWithout,
                unowned);
    }
}
