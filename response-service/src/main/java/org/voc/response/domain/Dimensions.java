package org.voc.response.domain;

import java.util.ArrayList;
import java.util.List;
import org.voc.kit.problem.Violation;

/**
 * The dimensions of the interaction behind a response, by which analytics slice it: the customer segment, the
 * employee who served the customer and the business process instance. Each is optional (null: unknown). An invited
 * response takes them from the invitation's signed claims, a direct submission from its body.
 */
public record Dimensions(String segment, String employeeRef, String processRef) {

    /** The longest segment (as survey-service accepts on an interaction, and voc.response.submitted.v1 carries). */
    public static final int MAX_SEGMENT = 60;
    /** The longest employee or process reference. */
    public static final int MAX_REF = 200;

    /** Nothing known: an uninvited response without them, or an invitation issued before tokens carried them. */
    public static final Dimensions NONE = new Dimensions(null, null, null);

    /** Adds a violation, naming the field, for each value that is blank, too long or holds a control character. */
    public void check(List<Violation> violations) {
        check(violations, "segment", segment, MAX_SEGMENT);
        check(violations, "employeeRef", employeeRef, MAX_REF);
        check(violations, "processRef", processRef, MAX_REF);
    }

    /** True when {@link #check} finds nothing to say. */
    public boolean valid() {
        List<Violation> violations = new ArrayList<>();
        check(violations);
        return violations.isEmpty();
    }

    private static void check(List<Violation> violations, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            violations.add(new Violation(field, "must not be blank"));
        } else if (value.length() > max) {
            // UTF-16 units, as the event contract's @Size counts: what passes here is never dead-lettered there.
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        } else if (value.codePoints().anyMatch(Character::isISOControl)) {
            // A dimension is a label in reports and exports, where a line break or an escape would forge rows.
            violations.add(new Violation(field, "must not contain control characters"));
        }
    }
}
