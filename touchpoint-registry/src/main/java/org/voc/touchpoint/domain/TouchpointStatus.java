package org.voc.touchpoint.domain;

/** Lifecycle of a touchpoint; retiring keeps its history, nothing is ever deleted. */
public enum TouchpointStatus {
    PLANNED,
    ACTIVE,
    RETIRED
}
