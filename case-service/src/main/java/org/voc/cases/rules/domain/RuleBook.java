package org.voc.cases.rules.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.voc.cases.rules.persistence.CaseRuleRepository;

/**
 * The rules every response is evaluated against, cached in memory and prepared once ({@link RuleSet}). Each call
 * reads the rule set's generation (one row) in the caller's transaction and reloads the rules only when it moved,
 * so a rule changed through any replica applies, on every replica, to every batch consumed after the change
 * committed; a batch already being evaluated finishes with the rules it started with.
 */
@ApplicationScoped
public class RuleBook {

    private record Snapshot(long generation, RuleSet rules) {}

    private final CaseRuleRepository repository;
    private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE, RuleSet.of(List.of()));

    public RuleBook(CaseRuleRepository repository) {
        this.repository = repository;
    }

    /** The current rules; must run in a transaction. */
    public RuleSet current() {
        long generation = repository.generation();
        Snapshot cached = snapshot;
        if (cached.generation() == generation) {
            return cached.rules();
        }
        // The generation is read before the rules: a change committed in between makes the snapshot newer than its
        // number, never older, and costs one more reload.
        Snapshot loaded = new Snapshot(generation, RuleSet.of(repository.all()));
        snapshot = loaded;
        return loaded.rules();
    }
}
