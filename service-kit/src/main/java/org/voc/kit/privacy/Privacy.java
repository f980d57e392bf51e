package org.voc.kit.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import org.voc.kit.security.Caller;
import org.voc.kit.security.Roles;

/**
 * Decides, per request, whether a view shows customer data in clear: only to holders of {@link Roles#PII}, and to
 * the operational roles a service names (those that must act on the real customer). Everyone else gets pseudonyms
 * and masked text. docs/security.md lists which service clears which role.
 */
@ApplicationScoped
public class Privacy {

    private final Pseudonyms pseudonyms;
    private final Caller caller;

    public Privacy(PrivacyConfig config, Caller caller) {
        this.pseudonyms = new Pseudonyms(config.pseudonymKey()
                .orElseThrow(() -> new IllegalStateException(
                        "voc.pii.pseudonym-key (VOC_PII_PSEUDONYM_KEY) is required by a service that shows"
                                + " customer data")));
        this.caller = caller;
    }

    /** Clear for a holder of voc-pii or of one of {@code alsoClearFor}; pseudonymised for anyone else. */
    public Disclosure forCaller(String... alsoClearFor) {
        return callerHoldsPii() || caller.holdsAny(alsoClearFor) ? Disclosure.CLEAR : pseudonymised();
    }

    /** Whether the caller holds voc-pii. */
    public boolean callerHoldsPii() {
        return caller.holdsAny(Roles.PII);
    }

    /** Pseudonyms and masked text, whoever calls. */
    public Disclosure pseudonymised() {
        return Disclosure.pseudonymised(pseudonyms);
    }
}
