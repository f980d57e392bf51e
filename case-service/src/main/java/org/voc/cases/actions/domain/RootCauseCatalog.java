package org.voc.cases.actions.domain;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Where the root causes an action names are checked against the taxonomy. Actions keep the ids in a table of their
 * own without a foreign key, because the taxonomy ({@code root_cause}) is built alongside this feature.
 */
public interface RootCauseCatalog {

    /** The ids among {@code ids} that name no root cause (empty: all are known). */
    Set<UUID> unknown(Collection<UUID> ids);
}
