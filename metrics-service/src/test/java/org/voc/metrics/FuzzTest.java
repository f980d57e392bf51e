package org.voc.metrics;

import io.quarkus.test.junit.QuarkusTest;
import org.voc.testsupport.openapi.FuzzSuite;

/** Every operation of the published API under generated and mutated input: no 5xx, every 4xx a problem. */
@QuarkusTest
class FuzzTest extends FuzzSuite {}
