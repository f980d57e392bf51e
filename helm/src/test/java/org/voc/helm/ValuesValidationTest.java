package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** values.schema.json rejects unknown keys and wrong types; validateValues rejects contradictory settings. */
class ValuesValidationTest {

    @TempDir
    Path dir;

    private String failure(String values) throws IOException {
        Path file = Files.writeString(dir.resolve("values.yaml"), values);
        Exception e = assertThrows(
                Exception.class,
                () -> Chart.template(List.of(file), Map.of()),
                "rendered although the values are wrong:\n" + values);
        return e.getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected \"" + part + "\" in:\n" + message);
        }
    }

    @Test
    void schemaRejectsAnUnknownKey() throws IOException {
        // A typo (replicaCount for replicas) must not be ignored silently.
        assertMentions(failure("touchpointRegistry:\n  replicaCount: 3\n"), "schema", "replicaCount");
        assertMentions(failure("ingress:\n  hosts: [a.example]\n"), "schema", "hosts");
    }

    @Test
    void schemaRejectsAWrongType() throws IOException {
        assertMentions(failure("surveyService:\n  replicas: three\n"), "schema", "replicas");
        assertMentions(failure("kafka:\n  securityProtocol: SASL\n"), "schema", "securityProtocol");
        assertMentions(failure("networkPolicy:\n  enabled: \"yes\"\n"), "schema", "enabled");
    }

    @Test
    void rejectsSaslWithoutCredentialsSecret() throws IOException {
        assertMentions(
                failure("kafka:\n  securityProtocol: SASL_SSL\n"),
                "VALUES VALIDATION",
                "kafka.securityProtocol is SASL_SSL: set kafka.sasl.existingSecret");
    }

    @Test
    void rejectsAnExistingSecretNextToCloudNativePg() throws IOException {
        assertMentions(
                failure("""
                postgresql:
                  cloudnativepg:
                    enabled: true
                caseService:
                  database:
                    existingSecret: my-case-db
                """),
                "caseService.database.existingSecret is set but postgresql.cloudnativepg.enabled is true");
    }

    @Test
    void rejectsNetworkPoliciesThatWouldCutOffTheInfrastructure() throws IOException {
        assertMentions(
                failure("networkPolicy:\n  enabled: true\n"),
                "declare networkPolicy.infrastructure.postgresqlPeers",
                "declare networkPolicy.infrastructure.kafkaPeers",
                "declare networkPolicy.infrastructure.oidcPeers");
    }

    @Test
    void rejectsARealmImportThatTheIssuerDoesNotServe() throws IOException {
        assertMentions(
                failure("keycloak:\n  realmImport:\n    enabled: true\n    realm: cx\n"),
                "global.oidc.issuerUrl (https://sso.example.com/realms/voc) must end with /realms/cx");
        assertMentions(
                failure("keycloak:\n  realmImport:\n    demoUsers:\n      enabled: true\n"),
                "keycloak.realmImport.demoUsers.enabled needs keycloak.realmImport.enabled");
    }

    @Test
    void rejectsDisruptionBudgetsThatBlockDrainsAndImpossibleAutoscaling() throws IOException {
        assertMentions(
                failure("metricsService:\n  podDisruptionBudget:\n    maxUnavailable: \"\"\n    minAvailable: 2\n"),
                "metricsService.podDisruptionBudget.minAvailable (2) must be lower than the replica count (2)");
        assertMentions(
                failure("metricsService:\n  podDisruptionBudget:\n    minAvailable: 1\n"),
                "metricsService.podDisruptionBudget: set either minAvailable or maxUnavailable, not both");
        assertMentions(
                failure("surveyService:\n  autoscaling:\n    enabled: true\n    minReplicas: 5\n    maxReplicas: 3\n"),
                "surveyService.autoscaling.minReplicas (5) is greater than maxReplicas (3)");
    }

    @Test
    void requiresTheInvitationKeySecretAndAddressesTheChartCannotDerive() throws IOException {
        assertMentions(
                failure("surveyService:\n  invitationKeys:\n    existingSecret: \"\"\n"),
                "VALUES VALIDATION",
                "surveyService.invitationKeys.existingSecret: name the Secret",
                "--from-literal=encryption-secret=$(openssl rand -base64 32)",
                "never change it");
        assertMentions(
                failure("ingress:\n  enabled: false\n"),
                "surveyService.distribution.linkBaseUrl: set the public base URL of the survey pages");
        assertMentions(
                failure("surveyService:\n  enabled: false\n"),
                "responseService.invitations.jwksUrl: survey-service is not deployed by this release");
        // Without survey-service there is no key secret to ask for.
        Path file = Files.writeString(dir.resolve("no-survey.yaml"), """
                surveyService:
                  enabled: false
                  invitationKeys:
                    existingSecret: ""
                responseService:
                  invitations:
                    jwksUrl: https://voc.example.com/api/invitation-keys/jwks
                """);
        Chart.template(List.of(file), Map.of());
    }

    @Test
    void schemaKeepsServiceSpecificSettingsToTheirService() throws IOException {
        assertMentions(failure("caseService:\n  invitationKeys:\n    existingSecret: x\n"), "schema", "invitationKeys");
        assertMentions(failure("surveyService:\n  invitationKeys:\n    secret: x\n"), "schema", "secret");
        assertMentions(
                failure("surveyService:\n  distribution:\n    linkBaseUrl: voc.example.com\n"),
                "schema",
                "linkBaseUrl");
        assertMentions(
                failure("responseService:\n  forwardedHeaders:\n    trustedProxies: [ingress-nginx]\n"),
                "schema",
                "trustedProxies");
        assertMentions(failure("ingress:\n  respondent:\n    annotations:\n      a: 1\n"), "schema", "annotations");
    }

    @Test
    void everyServiceSchemaAcceptsTheSettingsEveryServiceHas() throws IOException {
        // Services with settings of their own list the common names next to theirs (additionalProperties: false).
        JsonNode schema = Chart.JSON.readTree(
                Chart.chartDir().resolve("values.schema.json").toFile());
        JsonNode common = schema.path("definitions").path("serviceSettings").path("properties");
        JsonNode values =
                Chart.YAML.readTree(Chart.chartDir().resolve("values.yaml").toFile());
        for (String key :
                List.of("touchpointRegistry", "surveyService", "responseService", "metricsService", "caseService")) {
            String ref = schema.path("properties").path(key).path("$ref").asText();
            JsonNode definition = schema.path("definitions").path(ref.substring(ref.lastIndexOf('/') + 1));
            assertEquals(
                    "#/definitions/serviceSettings",
                    definition.path("allOf").get(0).path("$ref").asText(),
                    key);
            assertFalse(definition.path("additionalProperties").asBoolean(true), key + " must reject unknown keys");
            common.fieldNames()
                    .forEachRemaining(name ->
                            assertTrue(definition.path("properties").has(name), key + " does not accept " + name));
            values.path(key)
                    .fieldNames()
                    .forEachRemaining(name -> assertTrue(
                            definition.path("properties").has(name),
                            key + "." + name + " of values.yaml is not in the schema"));
        }
    }

    @Test
    void rejectsTlsWithoutCertificateSecretAndACaWithoutTls() throws IOException {
        assertMentions(
                failure("ingress:\n  tls:\n    secretName: \"\"\n"),
                "ingress.tls.enabled needs ingress.tls.secretName");
        assertMentions(
                failure("kafka:\n  tls:\n    caSecret: kafka-ca\n"),
                "kafka.tls.caSecret is set but kafka.securityProtocol is PLAINTEXT");
    }
}
