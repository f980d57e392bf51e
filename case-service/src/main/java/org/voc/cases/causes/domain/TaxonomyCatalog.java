package org.voc.cases.causes.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.voc.cases.actions.domain.RootCauseCatalog;
import org.voc.cases.causes.persistence.RootCauseRepository;

/** The taxonomy as improvement actions check their root causes: an id must name a cause, retired or not. */
@ApplicationScoped
public class TaxonomyCatalog implements RootCauseCatalog {

    private final RootCauseRepository causes;

    public TaxonomyCatalog(RootCauseRepository causes) {
        this.causes = causes;
    }

    @Override
    public Set<UUID> unknown(Collection<UUID> ids) {
        Set<UUID> unknown = new HashSet<>(ids);
        causes.findAll(ids).forEach(c -> unknown.remove(c.id()));
        return unknown;
    }
}
