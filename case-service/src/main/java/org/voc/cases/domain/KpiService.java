package org.voc.cases.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.voc.cases.persistence.KpiRepository;

/** The closed-loop KPIs of the cases a caller may see (docs/cases.md, "KPIs"). */
@ApplicationScoped
public class KpiService {

    private final KpiRepository kpis;

    public KpiService(KpiRepository kpis) {
        this.kpis = kpis;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseKpis of(KpiQuery query) {
        if (!query.scope().isAll() && query.scope().teams().isEmpty()) {
            return CaseKpis.none();
        }
        return kpis.compute(query);
    }
}
