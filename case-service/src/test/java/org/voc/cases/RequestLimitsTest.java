package org.voc.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.RequestLimits;

/** Every string, array and map of every request body has a maximum, published in the OpenAPI document. */
@QuarkusTest
class RequestLimitsTest {

    @Test
    void everyPartOfEveryRequestBodyHasADocumentedMaximum() {
        RequestLimits.assertDocumented();
    }
}
