package org.voc.touchpoint.domain;

/** How the customer's voice reaches us: asked (survey), said elsewhere (reviews, social) or read from behaviour. */
public enum SignalKind {
    DIRECT,
    INDIRECT,
    INFERRED
}
