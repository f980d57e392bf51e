package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customer pseudonyms and the roles around them (docs/security.md): the three services that show customer data read
 * one pseudonym key from one Secret, and the realm import carries case-manager and voc-pii.
 */
class PrivacySettingsTest {

    private static final List<String> SHOWING_CUSTOMERS = List.of("survey-service", "response-service", "case-service");

    @TempDir
    Path dir;

    private static JsonNode key(List<ObjectNode> objects, String service) {
        JsonNode env = Chart.named(objects, "Deployment", Chart.RELEASE + "-" + service)
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("env");
        for (JsonNode variable : env) {
            if ("VOC_PII_PSEUDONYM_KEY".equals(variable.path("name").asText())) {
                return variable.path("valueFrom").path("secretKeyRef");
            }
        }
        return null;
    }

    @Test
    void theServicesShowingCustomersShareOneKeyFromTheNamedSecret() {
        List<ObjectNode> objects = Chart.render(Chart.ci("default"));
        for (String service : Chart.SERVICES) {
            JsonNode data = Chart.named(objects, "ConfigMap", Chart.RELEASE + "-" + service)
                    .path("data");
            assertFalse(data.has("VOC_PII_PSEUDONYM_KEY"), service + ": the key is never in a ConfigMap");
            if (SHOWING_CUSTOMERS.contains(service)) {
                assertEquals(
                        "voc-pii-pseudonym", key(objects, service).path("name").asText(), service);
                assertEquals("pseudonym-key", key(objects, service).path("key").asText(), service);
            } else {
                assertNull(key(objects, service), service + " shows no customer data and gets no key");
            }
        }
        List<ObjectNode> custom = Chart.render(
                Chart.ci("default"), Map.of("global.pii.existingSecret", "cx-pii", "global.pii.secretKey", "k"));
        for (String service : SHOWING_CUSTOMERS) {
            assertEquals("cx-pii", key(custom, service).path("name").asText());
            assertEquals("k", key(custom, service).path("key").asText());
        }
        String notes = Chart.notes(Chart.ci("default"));
        assertTrue(notes.contains("create secret generic voc-pii-pseudonym --from-literal=pseudonym-key="), notes);
    }

    @Test
    void theKeySecretIsRequired() throws IOException {
        Path file = Files.writeString(dir.resolve("values.yaml"), "global:\n  pii:\n    existingSecret: \"\"\n");
        Exception e = assertThrows(Exception.class, () -> Chart.template(List.of(file), Map.of()));
        assertTrue(e.getMessage().contains("global.pii.existingSecret: name the Secret"), e.getMessage());
    }

    @Test
    void theRealmImportHasTheManagerAndPiiRolesAndTheirDemoUsers() {
        ObjectNode realm = Chart.ofKind(
                        Chart.render(
                                Chart.ci("self-contained"), Map.of("keycloak.realmImport.demoUsers.enabled", true)),
                        "KeycloakRealmImport")
                .get(0);
        List<String> roles = new ArrayList<>();
        realm.path("spec")
                .path("realm")
                .path("roles")
                .path("realm")
                .forEach(r -> roles.add(r.path("name").asText()));
        assertTrue(roles.containsAll(List.of("case-agent", "case-manager", "voc-pii")), roles.toString());
        List<String> piiAnalystRoles = new ArrayList<>();
        for (JsonNode user : realm.path("spec").path("realm").path("users")) {
            if ("pii-analyst".equals(user.path("username").asText())) {
                user.path("realmRoles").forEach(r -> piiAnalystRoles.add(r.asText()));
            }
        }
        assertEquals(List.of("cx-analyst", "voc-pii"), piiAnalystRoles);
        assertTrue(realm.toString().contains("manager-demo"));
    }
}
