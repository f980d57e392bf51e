package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The Ingress routes, the operator resources of the self-contained set and the NOTES the installer reads. */
class GatewayAndInfrastructureTest {

    /** Respondent paths carry invitation tokens in their URLs and go through the respondent Ingress only. */
    static final Map<String, String> RESPONDENT_ROUTES =
            Map.of("/s", "voc-response-service", "/api/respond", "voc-response-service");

    @Test
    void ingressRoutesEachApiAndTheSurveyPagesToTheirServiceAndNeverQ() {
        List<ObjectNode> objects = Chart.render(Chart.ci("default"));
        assertEquals(2, Chart.ofKind(objects, "Ingress").size(), "the main and the respondent Ingress");
        Map<String, String> main = routes(objects, Chart.named(objects, "Ingress", Chart.RELEASE));
        Map<String, String> respondent =
                routes(objects, Chart.named(objects, "Ingress", Chart.RELEASE + "-respondent"));
        Map<String, String> required = new LinkedHashMap<>();
        required.put("/api/touchpoints", "voc-touchpoint-registry");
        required.put("/api/surveys", "voc-survey-service");
        for (String path : List.of(
                "/api/interactions",
                "/api/decisions",
                "/api/invitations",
                "/api/contact-policy",
                "/api/opt-outs",
                "/api/invitation-keys")) {
            required.put(path, "voc-survey-service");
        }
        required.put("/api/responses", "voc-response-service");
        required.put("/api/metrics", "voc-metrics-service");
        required.put("/api/impact", "voc-metrics-service");
        required.put("/api/cases", "voc-case-service");
        required.forEach(
                (path, service) -> assertEquals(service, main.get(path), path + " routes to " + main.get(path)));
        assertEquals(
                RESPONDENT_ROUTES,
                respondent,
                "the respondent Ingress routes the token-bearing paths and nothing else");
        assertTrue(
                main.keySet().stream().noneMatch(RESPONDENT_ROUTES::containsKey),
                "respondent paths in the main Ingress: " + main);
        Map<String, String> routes = new LinkedHashMap<>(main);
        routes.putAll(respondent);
        // Every resource class's @Path("/api/<x>...") or @Path("/<x>...") in a service's sources reaches that service:
        // a
        // new API or page is not left unreachable by the gateway.
        for (String service : Chart.SERVICES) {
            for (String path : apiPaths(Chart.repoRoot().resolve(service).resolve("src/main/java"))) {
                assertEquals(
                        "voc-" + service,
                        routes.get(path),
                        path + " of " + service + " is not routed to it: " + routes);
            }
        }
        assertTrue(
                routes.keySet().stream().noneMatch(p -> p.equals("/") || p.startsWith("/q")),
                "/q/* must stay internal");
        for (ObjectNode ingress : Chart.ofKind(objects, "Ingress")) {
            assertEquals(
                    "voc-tls",
                    ingress.path("spec").path("tls").get(0).path("secretName").asText());
            assertFalse(ingress.path("spec").has("ingressClassName"), "default: the cluster's default IngressClass");
        }
        for (ObjectNode ingress : Chart.ofKind(Chart.render(Chart.ci("production")), "Ingress")) {
            assertEquals("nginx", ingress.path("spec").path("ingressClassName").asText());
        }
    }

    private static Map<String, String> routes(List<ObjectNode> objects, ObjectNode ingress) {
        Map<String, String> routes = new LinkedHashMap<>();
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                assertEquals("Prefix", path.path("pathType").asText());
                String service =
                        path.path("backend").path("service").path("name").asText();
                String port = path.path("backend")
                        .path("service")
                        .path("port")
                        .path("name")
                        .asText();
                ObjectNode target = Chart.named(objects, "Service", service);
                assertTrue(
                        target.path("spec")
                                .path("ports")
                                .findValuesAsText("name")
                                .contains(port),
                        service + " has no port " + port);
                routes.put(path.path("path").asText(), service);
            }
        }
        return routes;
    }

    @Test
    void respondentIngressHasItsOwnAnnotationsAndTheSharedCertificate() {
        List<ObjectNode> objects = Chart.render(Chart.ci("production"));
        ObjectNode main = Chart.named(objects, "Ingress", Chart.RELEASE);
        ObjectNode respondent = Chart.named(objects, "Ingress", Chart.RELEASE + "-respondent");
        assertEquals(
                "false",
                respondent
                        .path("metadata")
                        .path("annotations")
                        .path("nginx.ingress.kubernetes.io/enable-access-log")
                        .asText());
        assertTrue(
                main.path("metadata")
                        .path("annotations")
                        .path("nginx.ingress.kubernetes.io/enable-access-log")
                        .isMissingNode(),
                "the APIs keep their access log");
        // cert-manager issues the certificate once, through the main Ingress; both serve it.
        assertEquals(
                "corp-issuer",
                main.path("metadata")
                        .path("annotations")
                        .path("cert-manager.io/cluster-issuer")
                        .asText());
        assertTrue(respondent
                .path("metadata")
                .path("annotations")
                .path("cert-manager.io/cluster-issuer")
                .isMissingNode());
        assertEquals(main.path("spec").path("tls"), respondent.path("spec").path("tls"));
        assertEquals(
                main.path("spec").path("rules").get(0).path("host"),
                respondent.path("spec").path("rules").get(0).path("host"));

        List<ObjectNode> withoutResponses = Chart.render(
                Chart.ci("default"),
                Map.of(
                        "responseService.enabled",
                        false,
                        "responseService.invitations.jwksUrl",
                        "http://unused.example/jwks"));
        assertEquals(
                List.of("Ingress/voc"),
                Chart.ofKind(withoutResponses, "Ingress").stream()
                        .map(Chart::id)
                        .toList());
    }

    private static List<String> apiPaths(java.nio.file.Path sources) {
        // A class-level @Path (unindented): /api/<x> for the APIs, /<x> for pages such as /s.
        java.util.regex.Pattern path = java.util.regex.Pattern.compile(
                "^@Path\\(\"(/api/[^/\"]+|/[^/\"]+)[^\"]*\"\\)", java.util.regex.Pattern.MULTILINE);
        try (var files = java.nio.file.Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> path.matcher(Chart.read(f)).results().map(m -> m.group(1)))
                    .distinct()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void oidcSettingsComeFromTheOneGlobalBlockForEveryService() {
        List<ObjectNode> objects = Chart.render(
                Chart.ci("default"),
                Map.of("global.oidc.issuerUrl", "https://id.example.org/realms/cx", "global.oidc.audience", "cx-api"));
        for (String service : Chart.SERVICES) {
            JsonNode data = Chart.named(objects, "ConfigMap", Chart.RELEASE + "-" + service)
                    .path("data");
            assertEquals(
                    "https://id.example.org/realms/cx",
                    data.path("VOC_OIDC_URL").asText(),
                    service);
            assertEquals("cx-api", data.path("QUARKUS_OIDC_TOKEN_AUDIENCE").asText(), service);
        }
    }

    @Test
    void kafkaTopicsMatchTheTopicListOfTheLocalInfrastructure() {
        // local/kafka-topics.conf is the single source of truth for topic names, partitions and compaction.
        Map<String, String> expected = new TreeMap<>();
        for (String line : Chart.read(Chart.repoRoot().resolve("local/kafka-topics.conf"))
                .lines()
                .toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            expected.put(fields[0], fields[1] + (trimmed.contains("cleanup.policy=compact") ? " compact" : " delete"));
        }
        Map<String, String> rendered = new TreeMap<>();
        for (ObjectNode topic : Chart.ofKind(Chart.render(Chart.ci("self-contained")), "KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            JsonNode config = spec.path("config");
            String policy = config.path("cleanup.policy").asText("delete");
            rendered.put(
                    spec.path("topicName").asText(), spec.path("partitions").asInt() + " " + policy);
            assertEquals(
                    "voc-kafka",
                    topic.path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText());
            assertEquals("2", config.path("min.insync.replicas").asText());
            if (!"compact".equals(policy)) {
                assertTrue(
                        config.path("retention.ms").asLong() > 0,
                        spec.path("topicName").asText() + " has no retention");
            }
            assertEquals(
                    "keep",
                    topic.path("metadata")
                            .path("annotations")
                            .path("helm.sh/resource-policy")
                            .asText());
        }
        assertEquals(expected, rendered);
    }

    @Test
    void selfContainedServicesUseOneCloudNativePgClusterEach() {
        List<ObjectNode> objects = Chart.render(Chart.ci("self-contained"));
        assertEquals(5, Chart.ofKind(objects, "Cluster").size());
        for (String service : Chart.SERVICES) {
            String cluster = Chart.RELEASE + "-" + service + "-db";
            ObjectNode pg = Chart.named(objects, "Cluster", cluster);
            JsonNode data = Chart.named(objects, "ConfigMap", Chart.RELEASE + "-" + service)
                    .path("data");
            assertEquals(cluster + "-rw", data.path("VOC_PG_HOST").asText());
            assertEquals(
                    pg.path("spec")
                            .path("bootstrap")
                            .path("initdb")
                            .path("database")
                            .asText(),
                    data.path("VOC_DB_NAME").asText());
            String env = Chart.named(objects, "Deployment", Chart.RELEASE + "-" + service)
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0)
                    .path("env")
                    .toString();
            assertTrue(
                    env.contains("\"name\":\"" + cluster + "-app\""), "credentials from the operator's Secret: " + env);
        }
    }

    @Test
    void realmImportHasNoDemoPasswordsUnlessAskedFor() {
        ObjectNode realm = Chart.ofKind(Chart.render(Chart.ci("self-contained")), "KeycloakRealmImport")
                .get(0);
        String text = realm.toString();
        assertFalse(text.contains("-demo"), "demo passwords in the default realm import");
        assertFalse(text.contains("\"credentials\""), "user credentials in the default realm import");
        assertFalse(text.contains("voc-ingest-secret"), "the local client secret in the realm import");
        assertEquals(
                "${VOC_INGEST_CLIENT_SECRET}",
                realm.path("spec")
                        .path("realm")
                        .path("clients")
                        .get(0)
                        .path("secret")
                        .asText());
        assertEquals(
                "voc-ingest-client",
                realm.path("spec")
                        .path("placeholders")
                        .path("VOC_INGEST_CLIENT_SECRET")
                        .path("secret")
                        .path("name")
                        .asText());
        assertEquals("voc", realm.path("spec").path("realm").path("realm").asText());

        ObjectNode demo = Chart.ofKind(
                        Chart.render(
                                Chart.ci("self-contained"), Map.of("keycloak.realmImport.demoUsers.enabled", true)),
                        "KeycloakRealmImport")
                .get(0);
        assertTrue(demo.toString().contains("admin-demo"));
        assertTrue(demo.toString().contains("voc-cli"));
    }

    @Test
    void notesTellTheInstallerWhatToDoForTheValuesUsed() {
        String external = Chart.notes(Chart.ci("default"));
        assertTrue(
                external.contains("kubectl -n voc create secret generic voc-case-service-db --from-literal=username="),
                external);
        assertTrue(external.contains("global.oidc.issuerUrl is still the example"), external);
        assertTrue(external.contains("helm test voc -n voc"), external);
        assertTrue(
                external.contains("kubectl -n voc create secret generic voc-invitation-keys"
                        + " --from-literal=encryption-secret=$(openssl rand -base64 32)"),
                external);
        assertTrue(external.contains("Invitation links: https://voc.example.com/s/<token>"), external);
        assertTrue(external.contains("Ingress voc-respondent"), external);
        String selfContained = Chart.notes(Chart.ci("self-contained"));
        assertFalse(selfContained.contains("create secret generic voc-case-service-db"), selfContained);
        assertTrue(selfContained.contains("kubectl -n voc create secret generic voc-ingest-client"), selfContained);
        assertTrue(selfContained.contains("get kafkatopics -l strimzi.io/cluster=voc-kafka"), selfContained);
    }
}
