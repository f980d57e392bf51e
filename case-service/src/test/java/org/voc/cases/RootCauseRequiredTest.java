package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voc.cases.WorkFixture.CONTACT;
import static org.voc.cases.WorkFixture.act;
import static org.voc.cases.WorkFixture.assign;
import static org.voc.cases.WorkFixture.done;
import static org.voc.cases.WorkFixture.read;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.persistence.TouchpointReplicaRepository;

/** With voc.cases.root-cause-required on, a case closes only with a root cause. */
@QuarkusTest
@TestProfile(RootCauseRequiredTest.Required.class)
class RootCauseRequiredTest {

    /** The desk requires root causes. */
    public static class Required implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("voc.cases.root-cause-required", "true");
        }
    }

    @Inject
    TeamReplicaService teams;

    @Inject
    TouchpointReplicaRepository touchpoints;

    @Test
    void aCaseWithoutARootCauseDoesNotClose() {
        String cause = CauseFixture.created(CauseFixture.code("REQUIRED"), "Required cause", null);
        try (WorkFixture fixture = new WorkFixture(teams, touchpoints, List.of("agent"), List.of())) {
            List<String> ids = fixture.open(2);
            for (String id : ids) {
                done("agent", id, "assign", assign("agent"));
                done("agent", id, "contact", CONTACT);
            }
            String without = ids.get(0);
            done("agent", without, "resolve", CaseRootCauseTest.resolve());
            Response refused = act("agent", without, "close", null);
            assertEquals(409, refused.statusCode(), refused.asString());
            assertEquals(
                    "urn:voc:problem:root-cause-required", refused.jsonPath().getString("type"));
            assertEquals("rootCauses", refused.jsonPath().getString("errors[0].field"));
            assertEquals("RESOLVED", read("agent", without).jsonPath().getString("status"));

            Response set = WorkFixture.as("agent")
                    .header("If-Match", WorkFixture.etag(without))
                    .body("{\"rootCauses\": [\"" + cause + "\"]}")
                    .put("/api/cases/" + without + "/root-causes");
            assertEquals(200, set.statusCode(), set.asString());
            assertEquals(
                    "CLOSED", done("agent", without, "close", null).jsonPath().getString("status"));

            Response emptied = WorkFixture.as("agent")
                    .header("If-Match", WorkFixture.etag(without))
                    .body("{\"rootCauses\": []}")
                    .put("/api/cases/" + without + "/root-causes");
            assertEquals(409, emptied.statusCode(), emptied.asString());
            assertEquals(
                    "urn:voc:problem:root-cause-required", emptied.jsonPath().getString("type"));

            String with = ids.get(1);
            done("agent", with, "resolve", CaseRootCauseTest.resolve(cause));
            assertEquals("CLOSED", done("agent", with, "close", null).jsonPath().getString("status"));
        }
    }
}
