package org.voc.metrics;

import static org.voc.testsupport.AccessContract.operation;

import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.voc.testsupport.AccessContract;

/** Every /api operation of the metrics service and callers it must refuse (docs/security.md has the role matrix). */
@QuarkusTest
class SecurityTest extends AccessContract {

    static Stream<Arguments> operations() {
        String nps = "/api/metrics/nps?touchpoint=sec-check";
        return Stream.of(
                operation("GET", nps, null, "agent"),
                operation("GET", nps, null, "designer"),
                operation("GET", nps, null, "nobody"),
                operation("GET", nps, null, INGEST_CLIENT));
    }
}
