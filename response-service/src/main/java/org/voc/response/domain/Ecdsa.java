package org.voc.response.domain;

import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;

/**
 * Where invitation tokens get their ECDSA: Bouncy Castle, which verifies ES256 about seven times faster than Java
 * 17's own provider (verification is the costliest step of an invited answer). It is added last to the JVM's providers, so nothing
 * else (TLS, the OIDC client) changes; only the verifications asked for through {@link #context()} use it.
 */
final class Ecdsa {

    private Ecdsa() {
    }

    static ProviderContext context() {
        synchronized (Ecdsa.class) {
            if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
                Security.addProvider(new BouncyCastleProvider());
            }
        }
        ProviderContext context = new ProviderContext();
        context.getSuppliedKeyProviderContext().setSignatureProvider(BouncyCastleProvider.PROVIDER_NAME);
        return context;
    }
}
