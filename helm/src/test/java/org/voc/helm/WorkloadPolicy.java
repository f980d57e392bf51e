package org.voc.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policies every workload of the platform must meet, for the chart's output and for k8s/base alike. Each method
 * returns readable problems (empty: the policy holds) so a test can report all of them at once.
 */
final class WorkloadPolicy {

    /** Environment every service reads (from the ConfigMap or the container's env). */
    static final List<String> REQUIRED_ENV = List.of(
            "PORT",
            "VOC_PG_HOST",
            "VOC_PG_PORT",
            "VOC_DB_NAME",
            "VOC_PG_USER",
            "VOC_PG_PASSWORD",
            "VOC_KAFKA_BOOTSTRAP",
            "VOC_OIDC_URL",
            "LOG_JSON");

    private WorkloadPolicy() {}

    /**
     * Every Deployment: replicas, rolling update, probes, resources, restricted security, /tmp, spread, scraping, env.
     */
    static List<String> deployments(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : Chart.ofKind(objects, "Deployment")) {
            String id = Chart.id(deployment);
            JsonNode spec = deployment.path("spec");
            JsonNode pod = spec.path("template").path("spec");
            JsonNode podLabels = spec.path("template").path("metadata").path("labels");

            // Replicas: at least 2, or an HPA with minReplicas >= 2 owns the count. A count stated next to an HPA is
            // the one to start from (the chart keeps the live count on upgrades), never below the HPA's minimum.
            ObjectNode hpa = hpaFor(objects, deployment);
            if (hpa != null) {
                if (spec.has("replicas")
                        && spec.path("replicas").asInt()
                                < hpa.path("spec").path("minReplicas").asInt()) {
                    problems.add(id + ": starts below its HPA's minReplicas");
                }
                if (hpa.path("spec").path("minReplicas").asInt() < 2) {
                    problems.add(id + ": HPA minReplicas below 2");
                }
            } else if (spec.path("replicas").asInt(1) < 2) {
                problems.add(id + ": replicas below 2");
            }
            if (!"RollingUpdate".equals(spec.path("strategy").path("type").asText())
                    || !"0"
                            .equals(spec.path("strategy")
                                    .path("rollingUpdate")
                                    .path("maxUnavailable")
                                    .asText())) {
                problems.add(id + ": strategy must be RollingUpdate with maxUnavailable 0");
            }
            if (!matches(spec.path("selector").path("matchLabels"), podLabels)
                    || spec.path("selector").path("matchLabels").isEmpty()) {
                problems.add(id + ": selector " + spec.path("selector") + " does not match the template labels "
                        + podLabels);
            }

            // Restricted pod security.
            JsonNode podSecurity = pod.path("securityContext");
            if (!podSecurity.path("runAsNonRoot").asBoolean(false)) {
                problems.add(id + ": pod securityContext.runAsNonRoot must be true");
            }
            if (!"RuntimeDefault"
                    .equals(podSecurity.path("seccompProfile").path("type").asText())) {
                problems.add(id + ": pod seccompProfile must be RuntimeDefault");
            }
            if (podSecurity.path("runAsUser").asInt(1) == 0) {
                problems.add(id + ": runs as root");
            }
            Map<String, JsonNode> volumes = new HashMap<>();
            pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));

            JsonNode spread = pod.path("topologySpreadConstraints");
            boolean acrossNodes = false;
            for (JsonNode constraint : spread) {
                if ("kubernetes.io/hostname"
                                .equals(constraint.path("topologyKey").asText())
                        && matches(constraint.path("labelSelector").path("matchLabels"), podLabels)) {
                    acrossNodes = true;
                }
            }
            if (!acrossNodes) {
                problems.add(id + ": no topology spread across nodes (kubernetes.io/hostname) selecting its own pods");
            }

            JsonNode annotations = spec.path("template").path("metadata").path("annotations");
            boolean scraped = "true"
                            .equals(annotations.path("prometheus.io/scrape").asText())
                    && "/q/metrics"
                            .equals(annotations.path("prometheus.io/path").asText());
            boolean monitored = Chart.ofKind(objects, "ServiceMonitor").stream()
                    .anyMatch(m -> matches(m.path("spec").path("selector").path("matchLabels"), podLabels));
            if (!scraped && !monitored) {
                problems.add(id + ": neither prometheus.io scrape annotations nor a ServiceMonitor");
            }
            if (scraped && monitored) {
                problems.add(id + ": scrape annotations and a ServiceMonitor: Prometheus would scrape it twice");
            }

            if (pod.path("containers").isEmpty()) {
                problems.add(id + ": no containers");
            }
            for (JsonNode container : pod.path("containers")) {
                String cid = id + "/" + container.path("name").asText();
                Set<String> ports = new HashSet<>();
                container.path("ports").forEach(p -> {
                    ports.add(p.path("name").asText());
                    ports.add(p.path("containerPort").asText());
                });
                probe(container, "startupProbe", "/q/health/started", ports, cid, problems);
                probe(container, "readinessProbe", "/q/health/ready", ports, cid, problems);
                probe(container, "livenessProbe", "/q/health/live", ports, cid, problems);

                JsonNode resources = container.path("resources");
                for (String path : List.of("requests/cpu", "requests/memory", "limits/memory")) {
                    String[] p = path.split("/");
                    if (resources.path(p[0]).path(p[1]).asText().isBlank()) {
                        problems.add(cid + ": resources." + p[0] + "." + p[1] + " not set");
                    }
                }

                JsonNode security = container.path("securityContext");
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(cid + ": allowPrivilegeEscalation must be false");
                }
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(cid + ": readOnlyRootFilesystem must be true");
                }
                boolean dropsAll = false;
                for (JsonNode cap : security.path("capabilities").path("drop")) {
                    dropsAll |= "ALL".equals(cap.asText());
                }
                if (!dropsAll || !security.path("capabilities").path("add").isEmpty()) {
                    problems.add(cid + ": capabilities must drop ALL and add none");
                }
                if (security.path("privileged").asBoolean(false)) {
                    problems.add(cid + ": privileged");
                }
                boolean writableTmp = false;
                for (JsonNode mount : container.path("volumeMounts")) {
                    JsonNode volume = volumes.get(mount.path("name").asText());
                    if ("/tmp".equals(mount.path("mountPath").asText()) && volume != null && volume.has("emptyDir")) {
                        writableTmp = true;
                    }
                }
                if (!writableTmp) {
                    problems.add(cid + ": no writable /tmp (emptyDir)");
                }

                Set<String> env = environment(objects, container);
                for (String name : REQUIRED_ENV) {
                    if (!env.contains(name)) {
                        problems.add(cid + ": environment variable " + name + " is not set");
                    }
                }
                for (JsonNode variable : container.path("env")) {
                    if (variable.has("value") && variable.path("name").asText().matches(".*(PASSWORD|SECRET|JAAS).*")) {
                        problems.add(cid + ": " + variable.path("name").asText() + " is inline; take it from a Secret");
                    }
                }
            }
        }
        return problems;
    }

    /** Services select pods of a Deployment and target a port that exists on its container. */
    static List<String> services(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode service : Chart.ofKind(objects, "Service")) {
            JsonNode selector = service.path("spec").path("selector");
            ObjectNode deployment = Chart.ofKind(objects, "Deployment").stream()
                    .filter(d -> !selector.isEmpty()
                            && matches(
                                    selector,
                                    d.path("spec")
                                            .path("template")
                                            .path("metadata")
                                            .path("labels")))
                    .findFirst()
                    .orElse(null);
            if (deployment == null) {
                problems.add(Chart.id(service) + ": selector " + selector + " matches no Deployment's pods");
                continue;
            }
            if (service.path("spec").has("clusterIP")) {
                problems.add(Chart.id(service) + ": sets spec.clusterIP (immutable, breaks upgrades)");
            }
            Set<String> ports = new HashSet<>();
            deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .forEach(c -> c.path("ports").forEach(p -> {
                        ports.add(p.path("name").asText());
                        ports.add(p.path("containerPort").asText());
                    }));
            for (JsonNode port : service.path("spec").path("ports")) {
                String target = port.path("targetPort").asText(port.path("port").asText());
                if (!ports.contains(target)) {
                    problems.add(Chart.id(service) + ": targetPort " + target + " is not a container port of "
                            + Chart.id(deployment));
                }
            }
        }
        return problems;
    }

    /** PodDisruptionBudgets, HPAs and NetworkPolicies point at a rendered workload. */
    static List<String> companions(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode pdb : Chart.ofKind(objects, "PodDisruptionBudget")) {
            JsonNode selector = pdb.path("spec").path("selector").path("matchLabels");
            if (selector.isEmpty()
                    || Chart.ofKind(objects, "Deployment").stream()
                            .noneMatch(d -> matches(
                                    selector,
                                    d.path("spec")
                                            .path("template")
                                            .path("metadata")
                                            .path("labels")))) {
                problems.add(Chart.id(pdb) + ": selector matches no Deployment's pods");
            }
        }
        for (ObjectNode hpa : Chart.ofKind(objects, "HorizontalPodAutoscaler")) {
            String target = hpa.path("spec").path("scaleTargetRef").path("name").asText();
            if (Chart.ofKind(objects, "Deployment").stream()
                    .noneMatch(
                            d -> target.equals(d.path("metadata").path("name").asText()))) {
                problems.add(Chart.id(hpa) + ": scales Deployment " + target + " which is not rendered");
            }
        }
        for (ObjectNode policy : Chart.ofKind(objects, "NetworkPolicy")) {
            JsonNode selector = policy.path("spec").path("podSelector").path("matchLabels");
            if (selector.isEmpty()
                    || Chart.ofKind(objects, "Deployment").stream()
                            .noneMatch(d -> matches(
                                    selector,
                                    d.path("spec")
                                            .path("template")
                                            .path("metadata")
                                            .path("labels")))) {
                problems.add(Chart.id(policy) + ": podSelector matches no Deployment's pods");
            }
            for (JsonNode rule : policy.path("spec").path("egress")) {
                if (rule.path("to").isEmpty()) {
                    problems.add(Chart.id(policy) + ": an egress rule without peers allows every destination: " + rule);
                }
            }
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (rule.path("from").isEmpty()) {
                    problems.add(Chart.id(policy) + ": an ingress rule without peers allows every source: " + rule);
                }
            }
        }
        for (ObjectNode deployment : Chart.ofKind(objects, "Deployment")) {
            String account = deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("serviceAccountName")
                    .asText("default");
            if (!"default".equals(account)
                    && Chart.ofKind(objects, "ServiceAccount").stream()
                            .noneMatch(a -> account.equals(
                                    a.path("metadata").path("name").asText()))) {
                problems.add(Chart.id(deployment) + ": ServiceAccount " + account + " is not rendered");
            }
        }
        return problems;
    }

    /**
     * Every ConfigMap or Secret a pod references: a ConfigMap must be rendered (and hold the key); a Secret is either
     * rendered with the key or external, and then listed with that key in the given documentation.
     */
    static List<String> references(List<ObjectNode> objects, String externalSecretsDoc, List<String> serviceNames) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> pods = new ArrayList<>();
        Chart.ofKind(objects, "Deployment")
                .forEach(d -> pods.add(d.path("spec").path("template").path("spec")));
        Chart.ofKind(objects, "Pod").forEach(p -> pods.add(p.path("spec")));
        for (JsonNode pod : pods) {
            for (JsonNode container : pod.path("containers")) {
                for (JsonNode from : container.path("envFrom")) {
                    if (from.has("configMapRef")) {
                        configMapKey(
                                objects, from.path("configMapRef").path("name").asText(), null, problems);
                    }
                    if (from.has("secretRef")) {
                        secretKey(
                                objects,
                                from.path("secretRef").path("name").asText(),
                                null,
                                externalSecretsDoc,
                                serviceNames,
                                problems);
                    }
                }
                for (JsonNode variable : container.path("env")) {
                    JsonNode cm = variable.path("valueFrom").path("configMapKeyRef");
                    if (!cm.isMissingNode()) {
                        configMapKey(
                                objects,
                                cm.path("name").asText(),
                                cm.path("key").asText(),
                                problems);
                    }
                    JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
                    if (!secret.isMissingNode()) {
                        secretKey(
                                objects,
                                secret.path("name").asText(),
                                secret.path("key").asText(),
                                externalSecretsDoc,
                                serviceNames,
                                problems);
                    }
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("secret")) {
                    JsonNode items = volume.path("secret").path("items");
                    if (items.isEmpty()) {
                        secretKey(
                                objects,
                                volume.path("secret").path("secretName").asText(),
                                null,
                                externalSecretsDoc,
                                serviceNames,
                                problems);
                    }
                    items.forEach(i -> secretKey(
                            objects,
                            volume.path("secret").path("secretName").asText(),
                            i.path("key").asText(),
                            externalSecretsDoc,
                            serviceNames,
                            problems));
                }
                if (volume.has("configMap")) {
                    configMapKey(objects, volume.path("configMap").path("name").asText(), null, problems);
                }
            }
        }
        return problems;
    }

    private static void configMapKey(List<ObjectNode> objects, String name, String key, List<String> problems) {
        ObjectNode cm = Chart.ofKind(objects, "ConfigMap").stream()
                .filter(c -> name.equals(c.path("metadata").path("name").asText()))
                .findFirst()
                .orElse(null);
        if (cm == null) {
            problems.add("ConfigMap " + name + " is referenced but not rendered");
        } else if (key != null && !cm.path("data").has(key)) {
            problems.add("ConfigMap " + name + " has no key " + key);
        }
    }

    private static void secretKey(
            List<ObjectNode> objects,
            String name,
            String key,
            String doc,
            List<String> serviceNames,
            List<String> problems) {
        ObjectNode secret = Chart.ofKind(objects, "Secret").stream()
                .filter(c -> name.equals(c.path("metadata").path("name").asText()))
                .findFirst()
                .orElse(null);
        if (secret != null) {
            if (key != null
                    && !secret.path("data").has(key)
                    && !secret.path("stringData").has(key)) {
                problems.add("Secret " + name + " has no key " + key);
            }
            return;
        }
        // External: the documentation names it (a service's name written as <service>) and its key on one line.
        String pattern = name;
        for (String service : serviceNames) {
            pattern = pattern.replace(service, "<service>");
        }
        String documented = "`" + pattern + "`";
        boolean found = doc.lines()
                .anyMatch(line -> line.contains(documented) && (key == null || line.contains("`" + key + "`")));
        if (!found) {
            problems.add("Secret " + name + (key == null ? "" : " key " + key)
                    + " is neither rendered nor documented as external (looked for " + documented
                    + (key == null ? "" : " with `" + key + "`") + " on one line)");
        }
    }

    private static void probe(
            JsonNode container, String probe, String path, Set<String> ports, String id, List<String> problems) {
        JsonNode get = container.path(probe).path("httpGet");
        if (!path.equals(get.path("path").asText())) {
            problems.add(id + ": " + probe + " must GET " + path + " but is " + container.path(probe));
        } else if (!ports.contains(get.path("port").asText())) {
            problems.add(id + ": " + probe + " port " + get.path("port").asText() + " is not a container port");
        }
    }

    /** All environment variable names a container gets: env, and the keys of the ConfigMaps it imports. */
    static Set<String> environment(List<ObjectNode> objects, JsonNode container) {
        Set<String> names = new HashSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode from : container.path("envFrom")) {
            String cm = from.path("configMapRef").path("name").asText();
            Chart.ofKind(objects, "ConfigMap").stream()
                    .filter(c -> cm.equals(c.path("metadata").path("name").asText()))
                    .forEach(c -> c.path("data").fieldNames().forEachRemaining(names::add));
        }
        return names;
    }

    static ObjectNode hpaFor(List<ObjectNode> objects, JsonNode deployment) {
        String name = deployment.path("metadata").path("name").asText();
        return Chart.ofKind(objects, "HorizontalPodAutoscaler").stream()
                .filter(h -> name.equals(
                        h.path("spec").path("scaleTargetRef").path("name").asText()))
                .findFirst()
                .orElse(null);
    }

    /** True when every selector label has the same value in labels. */
    static boolean matches(JsonNode selector, JsonNode labels) {
        var it = selector.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
