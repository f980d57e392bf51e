package org.voc.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling the current request: the roles of the token and the Keycloak user name. */
@ApplicationScoped
public class Caller {

    /** The claim Keycloak puts the user name in; team members are named by it. */
    public static final String USERNAME_CLAIM = "preferred_username";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Whether the caller holds at least one of these realm roles. */
    public boolean holdsAny(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The caller's Keycloak user name (lower case, as Keycloak keeps it), or null for an anonymous caller or a
     * token without one.
     */
    public String username() {
        if (identity.isAnonymous()) {
            return null;
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token) {
            String name = token.getClaim(USERNAME_CLAIM);
            return name == null || name.isBlank() ? null : name;
        }
        return null;
    }
}
