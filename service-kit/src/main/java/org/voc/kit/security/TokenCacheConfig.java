package org.voc.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The verified-token cache ({@code voc.security.token-cache.*}): bearer tokens already verified are recognised by
 * their hash until they expire instead of being verified again on every request.
 */
@ConfigMapping(prefix = "voc.security.token-cache")
public interface TokenCacheConfig {

    /** Whether verified tokens are cached; off unless a service turns it on. */
    @WithDefault("false")
    boolean enabled();

    /** Most tokens kept; the least recently used one makes room for a new one. */
    @WithDefault("10000")
    int maxSize();
}
