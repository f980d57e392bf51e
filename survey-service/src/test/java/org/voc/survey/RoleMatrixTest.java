package org.voc.survey;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.voc.testsupport.openapi.RoleMatrix;

/** Every operation of the published API against every realm role (docs/security.md has the matrix). */
@QuarkusTest
class RoleMatrixTest extends RoleMatrix {

    /** The response service verifies invitation tokens with these keys, and has no token of its own to fetch them. */
    @Override
    protected Set<String> publicOperations() {
        return Set.of("GET /api/invitation-keys/jwks");
    }
}
