package org.voc.testsupport.browser;

import java.util.List;

/**
 * One axe-core rule broken on a page: the rule's {@code id}, its {@code impact} (minor, moderate, serious or
 * critical), what it asks for, and the CSS selectors of the elements that break it with axe's summary of why.
 */
public record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {

    /** One element that breaks the rule. */
    public record Node(String target, String summary) {}

    /** Serious and critical violations keep people from using the page; the others are worth reading too. */
    public boolean blocking() {
        return "serious".equals(impact) || "critical".equals(impact);
    }

    /** The violation as a few lines a failing test can print. */
    public String describe() {
        StringBuilder out = new StringBuilder()
                .append(id)
                .append(" (")
                .append(impact)
                .append("): ")
                .append(help)
                .append(" — ")
                .append(helpUrl);
        for (Node node : nodes) {
            out.append("\n    ").append(node.target());
            if (node.summary() != null && !node.summary().isBlank()) {
                out.append(": ").append(node.summary().replace('\n', ' '));
            }
        }
        return out.toString();
    }
}
