package org.voc.metrics;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.voc.kit.security.TokenCache;
import org.voc.testsupport.TokenCacheContract;

/** metrics-service turns the kit's verified-token cache on: dashboards ask many small questions with one token. */
@QuarkusTest
class TokenCacheTest extends TokenCacheContract {

    @Inject
    TokenCache cache;

    TokenCacheTest() {
        super("/api/metrics/nps", "analyst", "designer");
    }

    @Override
    protected CacheState cache() {
        return new CacheState(cache.enabled(), cache.hits(), cache.size());
    }
}
