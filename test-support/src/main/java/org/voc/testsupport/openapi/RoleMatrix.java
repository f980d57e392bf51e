package org.voc.testsupport.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.voc.testsupport.Tokens;

/**
 * The role matrix, generated: every operation of the service's own OpenAPI document against every realm role's demo
 * caller (local/keycloak/voc-realm.json), a caller with no role and no token at all. The roles an operation admits
 * are the scopes of its security requirement, which SmallRye derives from {@code @RolesAllowed}; a caller holding
 * one of them must be admitted (neither 401 nor 403), any other must get a 403 problem, and no token a 401 problem.
 * An operation without a requirement must be on {@link #publicOperations()} and answer without a token; one that
 * names no role fails, so a new endpoint cannot ship unprotected.
 */
public abstract class RoleMatrix {

    /**
     * The operations that are public on purpose, as {@code "GET /api/respond/{token}"}; every other operation must
     * name its roles. None unless a service overrides this.
     */
    protected Set<String> publicOperations() {
        return Set.of();
    }

    private ApiDocument document;

    @TestFactory
    Stream<DynamicTest> everyOperationAgainstEveryRole() {
        document = ApiDocument.fetch();
        Realm realm = Realm.load();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every role of the realm has a demo user", () -> {
            for (String role : realm.roles()) {
                assertTrue(realm.callerFor(role).isPresent(), "no demo user holds " + role + " in " + Realm.FILE);
            }
            assertTrue(realm.callerWithoutRoles().isPresent(), "no demo user without roles in " + Realm.FILE);
        }));
        tests.add(DynamicTest.dynamicTest("the public allow-list names operations of the document", () -> {
            Set<String> known = new TreeSet<>();
            document.operations().forEach(op -> known.add(op.toString()));
            Set<String> stale = new TreeSet<>(publicOperations());
            stale.removeAll(known);
            assertEquals(Set.of(), stale, "listed as public but not in the OpenAPI document");
        }));
        List<Realm.Caller> callers = new ArrayList<>();
        for (String role : realm.roles()) {
            realm.callerFor(role).filter(c -> !callers.contains(c)).ifPresent(callers::add);
        }
        realm.callerWithoutRoles().ifPresent(callers::add);
        for (ApiDocument.Operation op : document.operations()) {
            tests.add(DynamicTest.dynamicTest(op + " declares its access", () -> declaresAccess(op, realm)));
            if (op.isPublic()) {
                tests.add(DynamicTest.dynamicTest(op + " is public", () -> {
                    for (String token : Arrays.asList(null, Tokens.forged("admin"))) {
                        // A stray (even forged) bearer token must not change a public answer.
                        Response response = request(op, token);
                        assertFalse(
                                response.statusCode() == 401 || response.statusCode() == 403,
                                op + (token == null ? " without a token" : " with a forged token") + " answered "
                                        + response.statusCode());
                    }
                }));
                continue;
            }
            tests.add(DynamicTest.dynamicTest(op + " without a token → 401", () -> {
                Response response = request(op, null);
                assertEquals(401, response.statusCode(), op + " without a token");
                assertProblem(response, op + " without a token");
                assertEquals("Bearer", response.header("WWW-Authenticate"));
            }));
            tests.add(DynamicTest.dynamicTest(op + " with a forged token → 401", () -> {
                Response response = request(op, Tokens.forged("admin"));
                assertEquals(401, response.statusCode(), op + " with a forged token");
                assertProblem(response, op + " with a forged token");
            }));
            for (Realm.Caller caller : callers) {
                boolean admitted = !Collections.disjoint(op.roles(), caller.roles());
                String name = op + " as " + caller + " " + caller.roles() + (admitted ? " → admitted" : " → 403");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Response response = request(op, caller.token().get());
                    if (admitted) {
                        assertFalse(
                                response.statusCode() == 401 || response.statusCode() == 403,
                                name + " but answered " + response.statusCode() + " " + response.asString());
                    } else {
                        assertEquals(403, response.statusCode(), name + ": " + response.asString());
                        assertProblem(response, name);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private void declaresAccess(ApiDocument.Operation op, Realm realm) {
        if (op.isPublic()) {
            assertTrue(
                    publicOperations().contains(op.toString()),
                    op + " has no security requirement: give it @RolesAllowed, or list it in publicOperations()");
            return;
        }
        assertFalse(op.roles().isEmpty(), op + " demands a token but names no role: give it @RolesAllowed");
        Set<String> unknown = new TreeSet<>(op.roles());
        unknown.removeAll(realm.roles());
        assertEquals(Set.of(), unknown, op + " admits roles the realm does not have");
    }

    private static void assertProblem(Response response, String what) {
        String type = response.contentType();
        assertNotNull(type, what + " has no content type");
        if (!type.startsWith("application/problem+json")) {
            fail(what + " answered " + type + ", not application/problem+json");
        }
        assertEquals(response.statusCode(), response.jsonPath().getInt("status"), what + " problem status");
    }

    /**
     * The operation with plausible path and query values; a JSON body of {@code {}} so that an admitted call is
     * refused by validation rather than changing anything, and If-Match so that conditional writes reach their
     * role check instead of stopping at 428.
     */
    private Response request(ApiDocument.Operation op, String token) {
        SchemaValues values = new SchemaValues(document, new Random(0));
        RequestSpecification spec = given().redirects().follow(false).header("If-Match", "\"0\"");
        String path = op.path();
        for (ApiDocument.Parameter parameter : op.parameters("path")) {
            path = path.replace("{" + parameter.name() + "}", values.plain(parameter.schema()));
        }
        for (ApiDocument.Parameter parameter : op.parameters("query")) {
            if (parameter.required()) {
                spec.queryParam(parameter.name(), values.plain(parameter.schema()));
            }
        }
        if (!op.bodies().isEmpty()) {
            String type = op.bodies().keySet().iterator().next();
            spec.contentType(type).body(type.contains("json") ? "{}" : type.contains("form") ? "x=1" : "");
        } else {
            // Without it RestAssured sends a form type, which a JSON resource refuses (415) before any role check.
            spec.contentType("application/json");
        }
        if (token != null) {
            spec.auth().oauth2(token);
        }
        return spec.request(op.method(), path);
    }
}
