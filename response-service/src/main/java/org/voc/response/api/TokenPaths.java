package org.voc.response.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.voc.kit.problem.InstanceRedaction;

/** An invitation token is a credential and problems end up in logs: it never appears in a problem's instance. */
@ApplicationScoped
public class TokenPaths implements InstanceRedaction {

    static final String API = "/api/respond/";
    static final String PAGE = "/s/";

    @Override
    public String redact(String rawPath) {
        if (rawPath.startsWith(API)) {
            return API + "{token}";
        }
        return rawPath.startsWith(PAGE) ? PAGE + "{token}" : rawPath;
    }
}
