package org.voc.kit.inbound;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.voc.events.EventType;

/**
 * What one consumer reads from its topic: the event types it applies, and the types it knowingly leaves alone. A parsed
 * event is usable when it meets its contract's constraints (Bean Validation annotations on the payload record) and
 * the consumer's own check, if it has one (a reason why not, or null). A record of any other type is
 * dead-lettered; a record without {@code ce_type} is taken as the first type read.
 */
public final class Reads {

    /** One event type read, with its check. */
    record Rule<T>(EventType<T> type, Function<T, String> invalid) {}

    private final List<Rule<?>> rules;
    private final Set<String> ignored;

    private Reads(List<Rule<?>> rules, Set<String> ignored) {
        this.rules = List.copyOf(rules);
        this.ignored = Set.copyOf(ignored);
    }

    /** Reads a type whose contract constraints (on the payload record) are all a usable event must meet. */
    public static <T> Reads of(EventType<T> type) {
        return of(type, event -> null);
    }

    /** Reads a type with a check of this consumer's own on top of the contract constraints. */
    public static <T> Reads of(EventType<T> type, Function<T, String> invalid) {
        return new Reads(List.of(new Rule<>(type, invalid)), Set.of());
    }

    public <T> Reads and(EventType<T> type) {
        return and(type, event -> null);
    }

    public <T> Reads and(EventType<T> type, Function<T, String> invalid) {
        List<Rule<?>> more = new ArrayList<>(rules);
        more.add(new Rule<>(type, invalid));
        return new Reads(more, ignored);
    }

    /** Types that travel on the topic but mean nothing to this consumer: skipped without a dead letter. */
    public Reads ignoring(EventType<?>... types) {
        Set<String> more = new HashSet<>(ignored);
        for (EventType<?> type : types) {
            more.add(type.type());
        }
        return new Reads(rules, more);
    }

    /** The rule for a record's {@code ce_type}, or null when this consumer does not read it. */
    Rule<?> rule(String ceType) {
        if (ceType == null) {
            return rules.get(0);
        }
        for (Rule<?> rule : rules) {
            if (rule.type().type().equals(ceType)) {
                return rule;
            }
        }
        return null;
    }

    boolean ignores(String ceType) {
        return ignored.contains(ceType);
    }

    @Override
    public String toString() {
        return rules.stream().map(r -> r.type().type()).toList().toString();
    }
}
