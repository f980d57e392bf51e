package org.voc.response;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.voc.testsupport.openapi.RoleMatrix;

/** Every operation of the published API against every realm role (docs/security.md has the matrix). */
@QuarkusTest
class RoleMatrixTest extends RoleMatrix {

    /** A respondent has an invitation link, not an account: the signed token in the path is the credential. */
    @Override
    protected Set<String> publicOperations() {
        return Set.of(
                "GET /api/respond/{token}",
                "POST /api/respond/{token}",
                "GET /s/{token}",
                "POST /s/{token}",
                "GET /s/{token}/thanks");
    }
}
