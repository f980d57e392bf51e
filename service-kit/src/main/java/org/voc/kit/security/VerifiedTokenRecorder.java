package org.voc.kit.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records in the {@link TokenCache} each identity that a provider verified from a bearer token. It runs before
 * every other augmentor, so the cache keeps what OIDC produced and the other augmentors run again on a hit.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final TokenCache cache;

    public VerifiedTokenRecorder(TokenCache cache) {
        this.cache = cache;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        cache.record(identity);
        return Uni.createFrom().item(identity);
    }
}
