package org.voc.cases.domain;

import static org.voc.cases.domain.CaseStatus.ASSIGNED;
import static org.voc.cases.domain.CaseStatus.CLOSED;
import static org.voc.cases.domain.CaseStatus.IN_CONTACT;
import static org.voc.cases.domain.CaseStatus.OPEN;
import static org.voc.cases.domain.CaseStatus.RESOLVED;
import static org.voc.cases.domain.CaseStatus.WAITING_ON_CUSTOMER;

import java.util.EnumMap;
import java.util.Map;
import org.voc.kit.problem.Conflict;

/**
 * The transition table of case work, written once (docs/cases.md, "Working a case" shows it): for each action, the
 * statuses it may start from and where it lands. Anything else is an illegal transition, a 409 problem.
 */
public final class CaseWorkflow {

    private static final Map<CaseAction, Map<CaseStatus, CaseStatus>> TABLE = new EnumMap<>(CaseAction.class);

    static {
        // An assignment moves an open case to ASSIGNED; a reassignment keeps the status (the contact stays made).
        Map<CaseStatus, CaseStatus> assignment = Map.of(
                OPEN, ASSIGNED,
                ASSIGNED, ASSIGNED,
                IN_CONTACT, IN_CONTACT,
                WAITING_ON_CUSTOMER, WAITING_ON_CUSTOMER);
        TABLE.put(CaseAction.ASSIGN, assignment);
        TABLE.put(CaseAction.CLAIM, assignment);
        TABLE.put(CaseAction.ROUND_ROBIN, assignment);
        TABLE.put(CaseAction.CONTACT, Map.of(ASSIGNED, IN_CONTACT));
        TABLE.put(CaseAction.WAIT, Map.of(IN_CONTACT, WAITING_ON_CUSTOMER));
        TABLE.put(CaseAction.RESUME, Map.of(WAITING_ON_CUSTOMER, IN_CONTACT));
        TABLE.put(CaseAction.RESOLVE, Map.of(IN_CONTACT, RESOLVED));
        TABLE.put(CaseAction.CLOSE, Map.of(RESOLVED, CLOSED));
        // Back to whoever held it: they know the customer; the resolution clock restarts (CaseWork.reopen).
        TABLE.put(CaseAction.REOPEN, Map.of(RESOLVED, ASSIGNED, CLOSED, ASSIGNED));
        // Causes are found out on resolving, or later by looking back at finished cases.
        TABLE.put(CaseAction.ROOT_CAUSES, Map.of(RESOLVED, RESOLVED, CLOSED, CLOSED));
    }

    private CaseWorkflow() {}

    /** Where {@code action} takes a case that is {@code from}; 409 when the table has no such transition. */
    public static CaseStatus next(CaseStatus from, CaseAction action) {
        CaseStatus to = TABLE.get(action).get(from);
        if (to == null) {
            throw new Conflict(
                    "illegal-transition",
                    "Illegal transition",
                    "a case that is " + from + " cannot be " + action + ": allowed from "
                            + TABLE.get(action).keySet().stream().sorted().toList(),
                    "status");
        }
        return to;
    }

    /** Whether the table allows {@code action} on a case that is {@code from}. */
    public static boolean allows(CaseStatus from, CaseAction action) {
        return TABLE.get(action).containsKey(from);
    }
}
