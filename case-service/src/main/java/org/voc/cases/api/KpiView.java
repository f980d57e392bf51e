package org.voc.cases.api;

import java.time.Instant;
import org.voc.cases.domain.CaseKpis;

/** The closed-loop KPIs as the API shows them: the question asked (window, filters, as of when) and the figures. */
public record KpiView(
        Instant from,
        Instant to,
        Instant asOf,
        String team,
        String touchpoint,
        long opened,
        CaseKpis.ClockKpis firstContact,
        CaseKpis.ClockKpis resolution,
        CaseKpis.Backlog backlog,
        CaseKpis.PerClock breaches,
        CaseKpis.PerClock escalations,
        CaseKpis.Recovery recovery) {

    static KpiView of(Instant from, Instant to, Instant asOf, String team, String touchpoint, CaseKpis kpis) {
        return new KpiView(
                from,
                to,
                asOf,
                team,
                touchpoint,
                kpis.opened(),
                kpis.firstContact(),
                kpis.resolution(),
                kpis.backlog(),
                kpis.breaches(),
                kpis.escalations(),
                kpis.recovery());
    }
}
