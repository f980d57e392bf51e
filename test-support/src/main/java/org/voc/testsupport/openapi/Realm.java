package org.voc.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.voc.testsupport.Tokens;

/**
 * The realm roles and demo callers of {@code local/keycloak/voc-realm.json}, the file the test Keycloak imports: a
 * role or user added there is picked up by the generated suites with no code change.
 */
public final class Realm {

    static final String FILE = "local/keycloak/voc-realm.json";

    private final Set<String> roles;
    private final List<Caller> callers;

    private Realm(JsonNode realm) {
        Map<String, Set<String>> composites = new HashMap<>();
        Set<String> names = new TreeSet<>();
        for (JsonNode role : realm.path("roles").path("realm")) {
            String name = role.path("name").asText();
            names.add(name);
            Set<String> parts = new LinkedHashSet<>();
            role.path("composites").path("realm").forEach(part -> parts.add(part.asText()));
            composites.put(name, parts);
        }
        this.roles = Set.copyOf(names);
        Map<String, String> secrets = new HashMap<>();
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                secrets.put(
                        client.path("clientId").asText(), client.path("secret").asText());
            }
        }
        List<Caller> found = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            Set<String> direct = new LinkedHashSet<>();
            user.path("realmRoles").forEach(role -> direct.add(role.asText()));
            Set<String> effective = expand(direct, composites);
            effective.retainAll(names); // default-roles-… and the like grant nothing the services check
            String client = user.path("serviceAccountClientId").asText(null);
            String username = user.path("username").asText();
            found.add(
                    client == null
                            ? new Caller(username, Set.copyOf(effective), () -> Tokens.user(username))
                            : new Caller(
                                    "client " + client,
                                    Set.copyOf(effective),
                                    () -> Tokens.client(client, secrets.get(client))));
        }
        this.callers = List.copyOf(found);
    }

    /** The realm file of this checkout, found from the module's directory upwards. */
    public static Realm load() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(FILE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    FILE + " not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return new Realm(new ObjectMapper().readTree(dir.resolve(FILE).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> roles() {
        return roles;
    }

    /** Every user of the realm, service accounts included (their token comes by client credentials). */
    public List<Caller> callers() {
        return callers;
    }

    /**
     * The demo caller that stands for {@code role}: among its holders the one with the fewest other roles (a
     * person before a service account), so that its admissions are the role's own.
     */
    public Optional<Caller> callerFor(String role) {
        return callers.stream()
                .filter(c -> c.roles().contains(role))
                .min(Comparator.comparingInt((Caller c) -> c.roles().size())
                        .thenComparing(c -> c.name().startsWith("client ")));
    }

    /** A caller whose token carries none of the realm's roles (the demo user {@code nobody}). */
    public Optional<Caller> callerWithoutRoles() {
        return callers.stream()
                .filter(c -> c.roles().isEmpty() && !c.name().startsWith("client "))
                .min(Comparator.comparing(c -> !c.name().equals("nobody")));
    }

    private static Set<String> expand(Set<String> direct, Map<String, Set<String>> composites) {
        Set<String> all = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(direct);
        while (!pending.isEmpty()) {
            String role = pending.pop();
            if (all.add(role)) {
                pending.addAll(composites.getOrDefault(role, Set.of()));
            }
        }
        return all;
    }

    /** A demo caller: its realm roles and how to get its access token. */
    public record Caller(String name, Set<String> roles, Supplier<String> token) {

        @Override
        public String toString() {
            return name;
        }
    }
}
