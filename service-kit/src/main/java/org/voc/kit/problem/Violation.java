package org.voc.kit.problem;

/**
 * One field at fault: a JSON path into the request body ({@code answers[0].score}), a query or path parameter, or a
 * header ({@code If-Match}).
 */
public record Violation(String field, String message) {}
