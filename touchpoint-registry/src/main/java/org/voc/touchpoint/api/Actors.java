package org.voc.touchpoint.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.voc.touchpoint.domain.Actor;

/** The caller of the current request as the history records it: the token's subject and user name. */
@RequestScoped
public class Actors {

    private final SecurityIdentity identity;

    public Actors(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Actor current() {
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String subject = token.getSubject();
            String user = token.getClaim("preferred_username");
            return new Actor(subject == null ? name : subject, user == null ? name : user);
        }
        return new Actor(name, name);
    }
}
