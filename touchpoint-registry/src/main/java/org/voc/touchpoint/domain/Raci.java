package org.voc.touchpoint.domain;

import java.util.List;

/** Team keys per RACI role of a touchpoint; the owner team is the one cases are routed to. */
public record Raci(List<String> responsible, List<String> accountable, List<String> consulted, List<String> informed) {

    public static final Raci NONE = new Raci(List.of(), List.of(), List.of(), List.of());
}
