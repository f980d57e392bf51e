package org.voc.touchpoint.domain;

/** Who makes a change: the token's subject ({@code sub}) and, for people reading the history, the user name. */
public record Actor(String subject, String name) {}
