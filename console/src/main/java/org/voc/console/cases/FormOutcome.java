package org.voc.console.cases;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.voc.console.web.Problem;

/**
 * What became of the form the user sent, for the case page to show: nothing yet, done, a conflict (someone changed
 * the case since the page was read), or the service's problem with its field errors next to the fields.
 *
 * @param kind none, done, conflict, invalid or refused
 */
public record FormOutcome(
        String kind, String action, String detail, List<Problem.FieldError> errors, Map<String, List<String>> values) {

    static final FormOutcome NONE = new FormOutcome("none", null, null, List.of(), Map.of());

    static FormOutcome done(String action) {
        return new FormOutcome("done", action, null, List.of(), Map.of());
    }

    static FormOutcome conflict(String action) {
        return new FormOutcome("conflict", action, null, List.of(), Map.of());
    }

    static FormOutcome of(String kind, String action, Problem problem, MultivaluedMap<String, String> form) {
        return new FormOutcome(
                kind,
                action,
                problem == null ? null : problem.detail(),
                problem == null ? List.of() : problem.errors(),
                Map.copyOf(form));
    }

    /** The service's message about {@code field} of the form {@code action}, or null. */
    public String error(String action, String field) {
        if (!Objects.equals(this.action, action)) {
            return null;
        }
        return errors.stream()
                .filter(e -> e.field() != null
                        && (e.field().equals(field) || e.field().startsWith(field + "[")))
                .map(Problem.FieldError::message)
                .findFirst()
                .orElse(null);
    }

    /** The value the user typed into {@code field} of the form {@code action}, to show it again; "" if none. */
    public String value(String action, String field) {
        if (!Objects.equals(this.action, action)) {
            return "";
        }
        List<String> typed = values.get(field);
        return typed == null || typed.isEmpty() ? "" : typed.get(0);
    }

    /** A problem of the form that names no field shown on it: said at the top of the form. */
    public boolean failed(String action) {
        return Objects.equals(this.action, action) && ("invalid".equals(kind) || "refused".equals(kind));
    }
}
