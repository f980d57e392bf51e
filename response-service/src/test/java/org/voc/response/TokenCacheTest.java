package org.voc.response;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.voc.kit.security.TokenCache;
import org.voc.testsupport.TokenCacheContract;

/**
 * response-service turns the kit's verified-token cache on: apps and importers submit thousands of responses with
 * one token.
 */
@QuarkusTest
class TokenCacheTest extends TokenCacheContract {

    @Inject
    TokenCache cache;

    TokenCacheTest() {
        super("/api/responses", "analyst", "designer");
    }

    @Override
    protected CacheState cache() {
        return new CacheState(cache.enabled(), cache.hits(), cache.size());
    }
}
