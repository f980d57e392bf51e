package org.voc.cases.actions.domain;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Where the root causes an action names are checked against the taxonomy (implemented by the causes feature), so
 * that a wrong id is a 400 naming the field rather than the foreign key's failure.
 */
public interface RootCauseCatalog {

    /** The ids among {@code ids} that name no root cause (empty: all are known). */
    Set<UUID> unknown(Collection<UUID> ids);
}
