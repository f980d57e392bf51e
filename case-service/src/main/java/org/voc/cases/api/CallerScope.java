package org.voc.cases.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.function.Function;
import org.voc.cases.domain.Case;
import org.voc.cases.domain.CaseScope;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.kit.privacy.Disclosure;
import org.voc.kit.privacy.Privacy;
import org.voc.kit.security.Caller;
import org.voc.kit.security.Roles;

/**
 * What the calling user may see and do (docs/security.md): which cases are in their scope, which customers they see
 * in clear, and the name the case history records them under.
 */
@RequestScoped
public class CallerScope {

    private final TeamReplicaService teams;
    private final Caller caller;
    private final Privacy privacy;
    private final SecurityIdentity identity;

    public CallerScope(TeamReplicaService teams, Caller caller, Privacy privacy, SecurityIdentity identity) {
        this.teams = teams;
        this.caller = caller;
        this.privacy = privacy;
        this.identity = identity;
    }

    /** Every case for managers, admins and analysts; a case agent's own teams' cases otherwise. */
    public CaseScope scope() {
        return caller.holdsAny(Roles.ADMIN, Roles.MANAGER, Roles.ANALYST)
                ? CaseScope.ALL
                : teams.scopeOf(caller.username());
    }

    /** The Keycloak user name (null without one). */
    String username() {
        return caller.username();
    }

    /** Who the history names: the user name, or the token's subject when it carries none. */
    public String actor() {
        String name = caller.username();
        return name != null ? name : identity.getPrincipal().getName();
    }

    /**
     * Customer data in clear for voc-pii and case managers, and for a case agent on their own teams' cases (they
     * call the customer back); pseudonymised for everyone else, voc-admin included.
     */
    public Function<Case, Disclosure> disclosure(CaseScope scope) {
        if (privacy.callerHoldsPii() || caller.holdsAny(Roles.MANAGER)) {
            return c -> Disclosure.CLEAR;
        }
        if (!caller.holdsAny(Roles.AGENT)) {
            Disclosure hidden = privacy.pseudonymised();
            return c -> hidden;
        }
        // An agent who is also an analyst sees every case, but only their own teams' customers.
        CaseScope own = scope.isAll() ? teams.scopeOf(caller.username()) : scope;
        Disclosure hidden = privacy.pseudonymised();
        return c -> own.covers(c.team()) ? Disclosure.CLEAR : hidden;
    }
}
