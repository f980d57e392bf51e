package org.voc.kit.problem;

/**
 * Rewrites the request path before it becomes a problem's {@code instance}. A service whose paths carry secrets (an
 * invitation token is a credential, and problems end up in logs and client bug reports) provides one bean of this
 * type; without one, the raw path is used.
 */
@FunctionalInterface
public interface InstanceRedaction {

    String redact(String rawPath);
}
