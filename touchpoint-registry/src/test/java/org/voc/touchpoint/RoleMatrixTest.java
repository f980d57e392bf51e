package org.voc.touchpoint;

import io.quarkus.test.junit.QuarkusTest;
import org.voc.testsupport.openapi.RoleMatrix;

/** Every operation of the published API against every realm role (docs/security.md has the matrix). */
@QuarkusTest
class RoleMatrixTest extends RoleMatrix {}
