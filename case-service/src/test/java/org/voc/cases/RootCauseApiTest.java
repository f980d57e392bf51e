package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The root-cause taxonomy through the API with real tokens: create, change, move, retire, If-Match, history. */
@QuarkusTest
class RootCauseApiTest {

    @Test
    void aTreeIsListedInTreeOrderWithPathsAndFilteredByActive() {
        String process = CauseFixture.created(CauseFixture.code("PROCESS"), "Process", null);
        String delivery = CauseFixture.created(CauseFixture.code("DELIVERY"), "Card delivery", process);
        String courier = CauseFixture.created(CauseFixture.code("COURIER"), "Courier late", delivery);
        String address = CauseFixture.created(CauseFixture.code("ADDRESS"), "Address wrong", delivery);

        Response one = CauseFixture.read(courier);
        assertEquals("\"0\"", one.header("ETag"));
        assertEquals("Process → Card delivery → Courier late", one.jsonPath().getString("pathName"));
        assertEquals(2, one.jsonPath().getInt("depth"));
        assertEquals(
                List.of("Process", "Card delivery", "Courier late"),
                one.jsonPath().getList("path.name"));
        assertEquals(delivery, one.jsonPath().getString("parentId"));

        CauseFixture.updated(address, "Address wrong", delivery, false);

        for (String user : List.of("agent", "manager", "admin", "analyst")) {
            List<String> all = ids(Cases.as(user).get("/api/root-causes"));
            // a parent right before its children, siblings by name
            List<String> mine = all.stream()
                    .filter(List.of(process, delivery, courier, address)::contains)
                    .toList();
            assertEquals(List.of(process, delivery, address, courier), mine, user);
        }
        List<String> active = ids(Cases.as("agent").queryParam("active", "true").get("/api/root-causes"));
        assertTrue(active.containsAll(List.of(process, delivery, courier)));
        assertFalse(active.contains(address));
        List<String> retired =
                ids(Cases.as("agent").queryParam("active", "false").get("/api/root-causes"));
        assertTrue(retired.contains(address));
        assertFalse(retired.contains(courier));
        Response bad = Cases.as("agent").queryParam("active", "maybe").get("/api/root-causes");
        assertEquals(400, bad.statusCode());
        assertEquals("active", bad.jsonPath().getString("errors[0].field"));
    }

    @Test
    void aCodeIsUniqueAndShapedLikeAResolutionCode() {
        String code = CauseFixture.code("TAKEN");
        CauseFixture.created(code, "First", null);
        Response taken = CauseFixture.create("admin", code, "Second", null);
        assertEquals(409, taken.statusCode(), taken.asString());
        assertEquals("urn:voc:problem:code-taken", taken.jsonPath().getString("type"));
        assertEquals("code", taken.jsonPath().getString("errors[0].field"));

        Response shape = CauseFixture.create("analyst", "no spaces allowed", "Bad", null);
        assertEquals(400, shape.statusCode(), shape.asString());
        assertEquals("code", shape.jsonPath().getString("errors[0].field"));
        Response parent = CauseFixture.create(
                "analyst", CauseFixture.code("ORPHAN"), "Orphan", "00000000-0000-4000-8000-000000000000");
        assertEquals(400, parent.statusCode(), parent.asString());
        assertEquals("parentId", parent.jsonPath().getString("errors[0].field"));
    }

    @Test
    void aCauseCannotMoveUnderItselfOrItsDescendants() {
        String top = CauseFixture.created(CauseFixture.code("TOP"), "Top", null);
        String middle = CauseFixture.created(CauseFixture.code("MIDDLE"), "Middle", top);
        String leaf = CauseFixture.created(CauseFixture.code("LEAF"), "Leaf", middle);
        for (String under : List.of(top, middle, leaf)) {
            Response cycle = CauseFixture.update("analyst", top, "\"0\"", "Top", under, true);
            assertEquals(409, cycle.statusCode(), cycle.asString());
            assertEquals("urn:voc:problem:cycle", cycle.jsonPath().getString("type"));
            assertEquals("parentId", cycle.jsonPath().getString("errors[0].field"));
        }
        assertNull(CauseFixture.read(top).jsonPath().getString("parentId"), "unchanged");

        // moving the leaf up to the top, then the middle under the leaf, is fine
        Response up = CauseFixture.updated(leaf, "Leaf", top, true);
        assertEquals("Top → Leaf", up.jsonPath().getString("pathName"));
        Response down = CauseFixture.updated(middle, "Middle", leaf, true);
        assertEquals("Top → Leaf → Middle", down.jsonPath().getString("pathName"));
        Response root = CauseFixture.updated(middle, "Middle", null, true);
        assertEquals(0, root.jsonPath().getInt("depth"));
    }

    @Test
    void retiredCausesTakeNoActiveChildrenAndRetireOnlyWithoutThem() {
        String parent = CauseFixture.created(CauseFixture.code("PARENT"), "Parent", null);
        String child = CauseFixture.created(CauseFixture.code("CHILD"), "Child", parent);

        Response withChildren = CauseFixture.update("analyst", parent, "\"0\"", "Parent", null, false);
        assertEquals(409, withChildren.statusCode(), withChildren.asString());
        assertEquals("urn:voc:problem:active-children", withChildren.jsonPath().getString("type"));

        CauseFixture.updated(child, "Child", parent, false);
        Response retired = CauseFixture.updated(parent, "Parent", null, false);
        assertFalse(retired.jsonPath().getBoolean("active"));

        Response under = CauseFixture.create("analyst", CauseFixture.code("NEW"), "New", parent);
        assertEquals(409, under.statusCode(), under.asString());
        assertEquals("urn:voc:problem:retired-parent", under.jsonPath().getString("type"));
        assertEquals("parentId", under.jsonPath().getString("errors[0].field"));
        Response reactivate = CauseFixture.update("analyst", child, "\"1\"", "Child", parent, true);
        assertEquals(409, reactivate.statusCode(), reactivate.asString());
        assertEquals("urn:voc:problem:retired-parent", reactivate.jsonPath().getString("type"));

        CauseFixture.updated(parent, "Parent", null, true);
        Response back = CauseFixture.updated(child, "Child", parent, true);
        assertTrue(back.jsonPath().getBoolean("active"));
    }

    @Test
    void everyChangeTakesTheCurrentEtagAndLandsInTheHistory() {
        String id = CauseFixture.created(CauseFixture.code("ETAG"), "Old name", null);
        String other = CauseFixture.created(CauseFixture.code("OTHER"), "Other", null);

        Response missing = CauseFixture.update("analyst", id, null, "New name", null, true);
        assertEquals(428, missing.statusCode(), missing.asString());
        Response stale = CauseFixture.update("analyst", id, "\"3\"", "New name", null, true);
        assertEquals(412, stale.statusCode(), stale.asString());
        assertEquals("urn:voc:problem:stale-revision", stale.jsonPath().getString("type"));

        Response renamed = CauseFixture.update("admin", id, "\"0\"", "New name", null, true);
        assertEquals(200, renamed.statusCode(), renamed.asString());
        assertEquals("\"1\"", renamed.header("ETag"));
        assertEquals(1, renamed.jsonPath().getInt("version"));
        Response again = CauseFixture.update("analyst", id, "\"0\"", "Newer", null, true);
        assertEquals(412, again.statusCode(), "the ETag used is stale now");
        Response same = CauseFixture.update("analyst", id, "\"1\"", "New name", null, true);
        assertEquals("\"1\"", same.header("ETag"), "a change that changes nothing keeps the version");
        CauseFixture.updated(id, "New name", other, true);

        JsonPath history = Cases.as("agent")
                .get("/api/root-causes/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("CREATE", "UPDATE", "UPDATE"), history.getList("items.action"));
        assertEquals(List.of("analyst", "admin", "analyst"), history.getList("items.actor"));
        Map<String, Object> rename = history.getMap("items[1].changes");
        assertEquals(Map.of("name", Map.of("from", "Old name", "to", "New name")), rename);
        Map<String, Object> move = history.getMap("items[2].changes.parentId");
        assertNull(move.get("from"));
        assertEquals(other, move.get("to"));
        assertEquals("Old name", history.getString("items[0].changes.name.to"), "the creation records every field");

        assertEquals(
                404,
                Cases.as("agent")
                        .get("/api/root-causes/00000000-0000-4000-8000-000000000000/history")
                        .statusCode());
        assertEquals(404, Cases.as("agent").get("/api/root-causes/not-a-uuid").statusCode());
    }

    @Test
    void onlyAnalystsAndAdminsChangeTheTaxonomy() {
        for (String user : List.of("agent", "manager", "designer")) {
            Response refused = CauseFixture.create(user, CauseFixture.code("NOPE"), "Nope", null);
            assertEquals(403, refused.statusCode(), user);
        }
        assertEquals(403, Cases.as("designer").get("/api/root-causes").statusCode());
    }

    private static List<String> ids(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath().getList("items.id");
    }
}
