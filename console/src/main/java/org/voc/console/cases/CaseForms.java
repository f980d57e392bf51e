package org.voc.console.cases;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case page's forms as case-service's action bodies (docs/cases.md, "Working a case"). The console checks
 * nothing the service checks: it sends what the user typed, and shows the service's problem next to the fields.
 */
final class CaseForms {

    /** The actions the case page offers, as case-service names them. */
    static final Set<String> ACTIONS =
            Set.of("assign", "claim", "contact", "wait", "resume", "resolve", "close", "reopen");

    private CaseForms() {}

    /** The JSON body of {@code action}; null for the actions that take none. */
    static Map<String, Object> body(String action, MultivaluedMap<String, String> form) {
        if (!ACTIONS.contains(action)) {
            throw new NotFoundException();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        switch (action) {
            case "assign" -> put(body, "assignee", form.getFirst("assignee"));
            case "contact" -> {
                put(body, "channel", form.getFirst("channel"));
                put(body, "outcome", form.getFirst("outcome"));
                put(body, "note", form.getFirst("note"));
            }
            case "resolve" -> {
                put(body, "code", form.getFirst("code"));
                put(body, "note", form.getFirst("note"));
                Map<String, Object> gesture = new LinkedHashMap<>();
                put(gesture, "type", form.getFirst("gestureType"));
                put(gesture, "amount", form.getFirst("gestureAmount"));
                put(gesture, "currency", form.getFirst("gestureCurrency"));
                if (!gesture.isEmpty()) {
                    body.put("gesture", gesture);
                }
                List<String> causes = form.get("rootCauses");
                if (causes != null && !causes.isEmpty()) {
                    body.put(
                            "rootCauses",
                            causes.stream().filter(c -> !c.isBlank()).toList());
                }
            }
            case "reopen" -> put(body, "reason", form.getFirst("reason"));
            default -> {
                return null;
            }
        }
        return body;
    }

    /** A blank field is left out, as an API client would leave it out. */
    private static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }
}
