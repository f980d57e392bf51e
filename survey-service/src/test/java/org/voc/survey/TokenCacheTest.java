package org.voc.survey;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.voc.kit.security.TokenCache;
import org.voc.testsupport.TokenCacheContract;

/** survey-service turns the kit's verified-token cache on: intake sends thousands of interactions with one token. */
@QuarkusTest
class TokenCacheTest extends TokenCacheContract {

    @Inject
    TokenCache cache;

    TokenCacheTest() {
        super("/api/surveys", "analyst", "agent");
    }

    @Override
    protected CacheState cache() {
        return new CacheState(cache.enabled(), cache.hits(), cache.size());
    }
}
