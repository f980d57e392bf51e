package org.voc.kit.crypto;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;

/**
 * Where invitation tokens get their ECDSA: Bouncy Castle, which signs ES256 about four times and verifies it about
 * seven times faster than Java 17's own provider (signing and verifying are the costliest steps of a decision and
 * of an invited answer). It is added last to the JVM's providers, so nothing else (TLS, the OIDC client) changes;
 * only the operations asked for through {@link #context()} use it. A service using it declares jose4j and
 * bcprov-jdk18on itself: the kit does not impose them on the others.
 */
public final class Ecdsa {

    private Ecdsa() {}

    public static ProviderContext context() {
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
