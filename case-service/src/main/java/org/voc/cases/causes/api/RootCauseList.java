package org.voc.cases.causes.api;

import java.util.List;

/** The taxonomy, flat, in tree order (a parent right before its children, each level by name). */
public record RootCauseList(List<RootCauseView> items) {}
