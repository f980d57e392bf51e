package org.voc.testsupport.openapi;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A service's own OpenAPI document (from {@code /q/openapi} of the application under test), read as the list of
 * operations the generated suites drive: their parameters, bodies and the roles their security requirement names.
 */
public final class ApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;
    private final List<Operation> operations;

    private ApiDocument(JsonNode root) {
        this.root = root;
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            List<JsonNode> shared = list(path.getValue().path("parameters"));
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    found.add(operation(entry.getKey(), path.getKey(), entry.getValue(), shared));
                }
            }
        }
        this.operations = List.copyOf(found);
    }

    /** The document the running application under test publishes. */
    public static ApiDocument fetch() {
        String json = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return parse(json);
    }

    public static ApiDocument parse(String json) {
        try {
            return new ApiDocument(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    /** A schema with its {@code $ref} followed (repeatedly); a missing node for a reference that leads nowhere. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return MissingNode.getInstance();
            }
            current = root.at(ref.substring(1));
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    private Operation operation(String method, String path, JsonNode node, List<JsonNode> shared) {
        List<Parameter> parameters = new ArrayList<>();
        List<JsonNode> declared = new ArrayList<>(shared);
        declared.addAll(list(node.path("parameters")));
        for (JsonNode parameter : declared) {
            JsonNode p = resolve(parameter);
            List<JsonNode> examples = examples(p);
            parameters.add(new Parameter(
                    p.path("name").asText(),
                    p.path("in").asText(),
                    p.path("required").asBoolean(false),
                    resolve(p.path("schema")),
                    examples));
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        Map<String, List<JsonNode>> bodyExamples = new LinkedHashMap<>();
        JsonNode requestBody = resolve(node.path("requestBody"));
        for (Map.Entry<String, JsonNode> content : requestBody.path("content").properties()) {
            bodies.put(content.getKey(), content.getValue().path("schema"));
            bodyExamples.put(content.getKey(), examples(content.getValue()));
        }
        return new Operation(
                method.toUpperCase(Locale.ROOT),
                path,
                roles(node),
                List.copyOf(parameters),
                bodies,
                bodyExamples,
                requestBody.path("required").asBoolean(false));
    }

    /** The documented examples of a parameter or media type ({@code example} or the values of {@code examples}). */
    private List<JsonNode> examples(JsonNode holder) {
        List<JsonNode> examples = new ArrayList<>();
        if (holder.has("example")) {
            examples.add(holder.get("example"));
        }
        for (JsonNode example : holder.path("examples")) {
            JsonNode resolved = resolve(example);
            if (resolved.has("value")) {
                examples.add(resolved.get("value"));
            }
        }
        return List.copyOf(examples);
    }

    /**
     * The roles of an operation's security requirements (SmallRye lists the {@code @RolesAllowed} roles as the
     * scopes of the OIDC scheme), or null when the operation declares no requirement at all, i.e. is public. The
     * document-wide requirement applies where an operation says nothing.
     */
    private Set<String> roles(JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : root.path("security");
        if (security.isMissingNode() || security.isEmpty()) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : security) {
            for (Map.Entry<String, JsonNode> scheme : requirement.properties()) {
                scheme.getValue().forEach(role -> roles.add(role.asText()));
            }
        }
        return Set.copyOf(roles);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** One parameter: {@code in} is path, query, header or cookie. */
    public record Parameter(String name, String in, boolean required, JsonNode schema, List<JsonNode> examples) {}

    /**
     * One operation. {@code roles} is null for a public operation and empty for one that demands a token but names
     * no role; {@code bodies} maps each accepted media type to its schema, {@code bodyExamples} to its documented
     * examples.
     */
    public record Operation(
            String method,
            String path,
            Set<String> roles,
            List<Parameter> parameters,
            Map<String, JsonNode> bodies,
            Map<String, List<JsonNode>> bodyExamples,
            boolean bodyRequired) {

        public boolean isPublic() {
            return roles == null;
        }

        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
