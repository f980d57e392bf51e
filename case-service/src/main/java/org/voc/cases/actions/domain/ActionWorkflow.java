package org.voc.cases.actions.domain;

import static org.voc.cases.actions.domain.ActionStatus.APPROVED;
import static org.voc.cases.actions.domain.ActionStatus.DONE;
import static org.voc.cases.actions.domain.ActionStatus.IN_PROGRESS;
import static org.voc.cases.actions.domain.ActionStatus.PROPOSED;
import static org.voc.cases.actions.domain.ActionStatus.REJECTED;
import static org.voc.cases.actions.domain.ActionStatus.VERIFIED;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.voc.kit.problem.Conflict;

/**
 * The transition table of improvement actions, written once (docs/cases.md, "Improvement actions" shows it): for each
 * step, the statuses it may start from and where it lands. Anything else is an illegal transition, a 409 problem.
 */
public final class ActionWorkflow {

    private static final Map<ActionStep, Map<ActionStatus, ActionStatus>> TABLE = new EnumMap<>(ActionStep.class);

    static {
        // Content is fixed once the fix is live: the measurement compares what DONE published.
        TABLE.put(ActionStep.UPDATE, Map.of(PROPOSED, PROPOSED, APPROVED, APPROVED, IN_PROGRESS, IN_PROGRESS));
        TABLE.put(ActionStep.APPROVE, Map.of(PROPOSED, APPROVED));
        TABLE.put(ActionStep.START, Map.of(APPROVED, IN_PROGRESS));
        TABLE.put(ActionStep.DONE, Map.of(IN_PROGRESS, DONE));
        TABLE.put(ActionStep.VERIFY, Map.of(DONE, VERIFIED));
        TABLE.put(ActionStep.REJECT, Map.of(PROPOSED, REJECTED, APPROVED, REJECTED));
        TABLE.put(ActionStep.REOPEN, Map.of(DONE, IN_PROGRESS));
    }

    private ActionWorkflow() {}

    /** Where {@code step} takes action {@code id} that is {@code from}; 409 when the table has no such transition. */
    public static ActionStatus next(UUID id, ActionStatus from, ActionStep step) {
        ActionStatus to = TABLE.get(step).get(from);
        if (to == null) {
            throw new Conflict(
                    "illegal-transition",
                    "Illegal transition",
                    "improvement action '" + id + "' is " + from + " and cannot be " + step + ": allowed from "
                            + TABLE.get(step).keySet().stream().sorted().toList(),
                    "status");
        }
        return to;
    }

    /** Whether the table allows {@code step} on an action that is {@code from}. */
    public static boolean allows(ActionStatus from, ActionStep step) {
        return TABLE.get(step).containsKey(from);
    }
}
