package org.voc.cases.rules.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.rules.domain.CaseRule;
import org.voc.cases.rules.domain.RuleConditions;

/**
 * Case rules, and the generation of the rule set: one counter that every change of a rule raises in its own
 * transaction, so a replica knows its cached rules are stale by reading one row.
 */
@ApplicationScoped
public class CaseRuleRepository implements PanacheRepositoryBase<CaseRuleEntity, UUID> {

    private final ObjectMapper json;

    public CaseRuleRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The generation of the rule set as this transaction sees it. Read on the transaction's JDBC connection: every
     * poll of the response consumer asks, and a native query through Hibernate cost a tenth of the consumer's CPU in
     * resolving the result's type from the driver's metadata each time.
     */
    public long generation() {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement =
                            connection.prepareStatement("select generation from case_rule_generation where id = 1");
                    ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** Marks the rule set changed; also serialises concurrent changes of rules on the counter's row. */
    public void bumpGeneration() {
        getEntityManager()
                .createNativeQuery("update case_rule_generation set generation = generation + 1 where id = 1")
                .executeUpdate();
    }

    public List<CaseRule> all() {
        return listAll().stream().map(this::toRule).toList();
    }

    public Optional<CaseRuleEntity> findEntity(UUID id) {
        return findByIdOptional(id);
    }

    public String write(RuleConditions conditions) {
        try {
            return json.writeValueAsString(conditions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule conditions are not serialisable", e);
        }
    }

    public CaseRule toRule(CaseRuleEntity e) {
        try {
            return new CaseRule(
                    e.id,
                    e.name,
                    e.enabled,
                    json.readValue(e.conditions, RuleConditions.class),
                    e.priority,
                    Duration.parse(e.firstContactTarget),
                    Duration.parse(e.resolutionTarget),
                    e.team,
                    e.recoverySurvey,
                    e.version,
                    e.createdAt,
                    e.updatedAt);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored conditions of rule " + e.id + " are unreadable", ex);
        }
    }
}
