package org.voc.cases.causes.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.cases.causes.persistence.CaseRootCauseRepository;

/**
 * The root causes of cases (docs/improvement.md, "Causes on cases"): set when a case is resolved or later, read
 * with the case. Case work calls it inside its own transaction, with the case's row locked.
 */
@ApplicationScoped
public class CaseCauses {

    private final RootCauseService taxonomy;
    private final CaseRootCauseRepository cases;

    public CaseCauses(RootCauseService taxonomy, CaseRootCauseRepository cases) {
        this.taxonomy = taxonomy;
        this.cases = cases;
    }

    /**
     * Gives the case these causes instead of those it had (none: it has none); each must be an active cause, at
     * most {@value RootCauseService#MAX_PER_CASE}. Returns them as stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CauseRef> set(UUID caseId, List<UUID> ids) {
        List<CauseRef> refs = ids == null || ids.isEmpty() ? List.of() : taxonomy.forCase(ids);
        cases.replace(caseId, refs.stream().map(CauseRef::id).toList());
        return refs;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CauseRef> of(UUID caseId) {
        return cases.of(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** The causes of each case; a case without any is absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<CauseRef>> of(Collection<UUID> caseIds) {
        return cases.of(caseIds);
    }
}
