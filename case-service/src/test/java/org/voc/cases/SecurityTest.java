package org.voc.cases;

import static org.voc.testsupport.AccessContract.operation;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.voc.testsupport.AccessContract;

/** Every /api operation of the case service and callers it must refuse (docs/security.md has the role matrix). */
@QuarkusTest
class SecurityTest extends AccessContract {

    static Stream<Arguments> operations() {
        String one = "/api/cases/" + UUID.randomUUID();
        return Stream.of(
                operation("GET", "/api/cases", null, "designer"),
                operation("GET", "/api/cases", null, "nobody"),
                operation("GET", "/api/cases", null, INGEST_CLIENT),
                operation("GET", one, null, "designer"),
                operation("GET", one, null, "nobody"));
    }
}
