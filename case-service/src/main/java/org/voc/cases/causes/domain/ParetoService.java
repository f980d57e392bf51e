package org.voc.cases.causes.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.voc.cases.causes.persistence.ParetoRepository;
import org.voc.cases.causes.persistence.ResponseTallyRepository;
import org.voc.cases.causes.persistence.RootCauseRepository;

/** Answers the Pareto of root causes from the cases' causes and the response tally ({@link Pareto} has the method). */
@ApplicationScoped
public class ParetoService {

    private final ParetoRepository cases;
    private final ResponseTallyRepository tally;
    private final RootCauseRepository causes;

    public ParetoService(ParetoRepository cases, ResponseTallyRepository tally, RootCauseRepository causes) {
        this.cases = cases;
        this.tally = tally;
        this.causes = causes;
    }

    /** The ranked rows, each cause with its place in the taxonomy, and the distinct cases behind them. */
    public record Report(Pareto pareto, Map<UUID, Placed> causes, long casesWithCause) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report of(ParetoQuery q) {
        Instant from = q.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = q.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean none = !q.scope().isAll() && q.scope().teams().isEmpty();
        List<CauseCount> counts = none ? List.of() : cases.counts(q.scope(), q.team(), q.touchpoint(), from, to);
        // The denominators: those of the touchpoint asked about, or of every touchpoint the rows' cases come from.
        Set<String> used = new HashSet<>();
        counts.forEach(c -> used.add(c.touchpointKey()));
        Map<String, Long> npsAnswers = new HashMap<>();
        long responses = 0;
        for (Map.Entry<String, long[]> t :
                tally.totals(q.from(), q.to(), q.touchpoint()).entrySet()) {
            if (q.touchpoint() != null || used.contains(t.getKey())) {
                npsAnswers.put(t.getKey(), t.getValue()[1]);
                responses += t.getValue()[0];
            }
        }
        Pareto pareto = Pareto.of(counts, npsAnswers, responses, q.rankBy());
        Taxonomy tree = new Taxonomy(causes.all());
        Map<UUID, Placed> placed = new HashMap<>();
        for (Pareto.Row row : pareto.rows()) {
            placed.put(row.rootCauseId(), new Placed(tree.get(row.rootCauseId()), tree.pathOf(row.rootCauseId())));
        }
        long distinct = none ? 0 : cases.casesWithCause(q.scope(), q.team(), q.touchpoint(), from, to);
        return new Report(pareto, placed, distinct);
    }
}
