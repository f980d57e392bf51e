package org.voc.survey.api;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who made a change, as recorded beside it: the token subject, or the principal name for tokens without one. */
public final class Caller {

    private Caller() {}

    public static String of(JsonWebToken token) {
        String subject = token.getSubject();
        return subject == null || subject.isBlank() ? token.getName() : subject;
    }
}
