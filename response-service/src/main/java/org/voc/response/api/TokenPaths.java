package org.voc.response.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.voc.kit.problem.InstanceRedaction;

/** An invitation token is a credential and problems end up in logs: it never appears in a problem's instance. */
@ApplicationScoped
public class TokenPaths implements InstanceRedaction {

    static final String API = "/api/respond/";
    static final String PAGE = "/s/";

    /** Judged on the path as routed, so an encoded path ({@code /api/re%73pond/…}) cannot carry a token out. */
    @Override
    public String redact(String rawPath) {
        String path = RespondentGuard.routed(rawPath);
        if (path == null) {
            return "{path}";
        }
        if (path.startsWith(API)) {
            return API + "{token}";
        }
        return path.startsWith(PAGE) ? PAGE + "{token}" : rawPath;
    }
}
