package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;

/** Root causes created through the API as an analyst, with codes unique to the run. */
final class CauseFixture {

    private CauseFixture() {}

    /** A code no other test uses: the prefix and a random part. */
    static String code(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response create(String user, String code, String name, String parentId) {
        String body = "{\"code\": \"" + code + "\", \"name\": \"" + name + "\""
                + (parentId == null ? "" : ", \"parentId\": \"" + parentId + "\"") + "}";
        return Cases.as(user).contentType(ContentType.JSON).body(body).post("/api/root-causes");
    }

    /** Creates an active cause that must succeed; returns its id. */
    static String created(String code, String name, String parentId) {
        Response response = create("analyst", code, name, parentId);
        assertEquals(201, response.statusCode(), response.asString());
        return response.jsonPath().getString("id");
    }

    static Response read(String id) {
        Response response = Cases.as("analyst").get("/api/root-causes/" + id);
        assertEquals(200, response.statusCode(), response.asString());
        return response;
    }

    /** PUTs the cause's fields with {@code ifMatch} (none when null). */
    static Response update(String user, String id, String ifMatch, String name, String parentId, boolean active) {
        var request = Cases.as(user).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.body("{\"name\": \"" + name + "\", \"parentId\": "
                        + (parentId == null ? "null" : "\"" + parentId + "\"") + ", \"active\": " + active + "}")
                .put("/api/root-causes/" + id);
    }

    /** Changes the cause with its current ETag; must succeed. */
    static Response updated(String id, String name, String parentId, boolean active) {
        Response response = update("analyst", id, read(id).header("ETag"), name, parentId, active);
        assertEquals(200, response.statusCode(), response.asString());
        return response;
    }
}
