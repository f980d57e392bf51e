package org.voc.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/asyncapi.yaml is the suite's event contract, so the build holds it to the code: it must be valid AsyncAPI
 * 3.0.0, describe every event type of this module field by field, every topic of local/kafka-topics.conf, and what
 * each service really consumes (its mp.messaging channels) and produces (its {@code X.TYPE.of(...)} call sites).
 * Each check lists everything it finds missing or stale, so one run says all that the document must gain or lose.
 */
class AsyncApiContractTest {

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final Path ROOT =
            Path.of(System.getProperty("voc.root", "..")).toAbsolutePath().normalize();
    private static final Path DOCUMENT = ROOT.resolve("docs/asyncapi.yaml");
    private static final String DLQ = ".dlq";
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern PRODUCED = Pattern.compile("\\b([A-Z]\\w*)\\.TYPE(?:\\.of\\(|::of\\b)");

    private final JsonNode document = read(DOCUMENT);

    @Test
    void isValidAsyncApi300() throws IOException {
        Schema schema;
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.yaml")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in, InputFormat.YAML);
        }
        List<String> errors = schema.validate(document).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
        assertTrue(errors.isEmpty(), DOCUMENT + " is not valid AsyncAPI 3.0.0:\n" + String.join("\n", errors));
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        document.findValues("$ref").forEach(ref -> {
            if (resolve(text(ref)).isMissingNode()) {
                broken.add(text(ref));
            }
        });
        assertTrue(broken.isEmpty(), "$ref that point at nothing in " + DOCUMENT + ": " + broken);
    }

    @Test
    void carriesTheProjectVersion() {
        assertEquals(System.getProperty("voc.version"), text(document.at("/info/version")), "info.version");
    }

    @Test
    void everyEventTypeHasAMessageWithItsPayload() throws Exception {
        List<EventType<?>> types = eventTypes();
        assertFalse(types.isEmpty(), "no EventType constants found in org.voc.events");
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> messages = messagesByName();
        for (EventType<?> type : types) {
            String where = type.type() + " (" + type.payloadClass().getSimpleName() + ".TYPE)";
            JsonNode message = messages.get(type.type());
            if (message == null) {
                problems.add(where + ": no message named '" + type.type() + "' in components.messages");
                continue;
            }
            if (!headerConstants(message, "ce_type").contains(type.type())) {
                problems.add(where + ": its headers do not fix ce_type to '" + type.type() + "'");
            }
            if (message.at("/bindings/kafka/key").isMissingNode()) {
                problems.add(where + ": no record key (bindings.kafka.key)");
            }
            if (!channelMessageNames(channelOf(type.topic())).contains(type.type())) {
                problems.add(where + ": the channel of " + type.topic() + " does not list its message");
            }
            checkRecord(where + " payload", type.payloadClass(), follow(message.get("payload")), problems);
        }
        Set<String> known = types.stream().map(EventType::type).collect(Collectors.toSet());
        messages.keySet().stream()
                .filter(name -> !name.equals("dead-letter") && !known.contains(name))
                .forEach(name -> problems.add("message '" + name + "' has no EventType in org.voc.events: stale?"));
        assertTrue(
                problems.isEmpty(), "docs/asyncapi.yaml is behind the event records:\n" + String.join("\n", problems));
    }

    @Test
    void everyTopicIsAChannelAndEveryChannelATopic() throws IOException, IllegalAccessException {
        Map<String, TopicSpec> topics = topics();
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> channels = channelsByAddress();
        topics.forEach((name, spec) -> {
            JsonNode channel = channels.get(name);
            if (channel == null) {
                problems.add("topic " + name + " (local/kafka-topics.conf) has no channel");
                return;
            }
            JsonNode kafka = channel.at("/bindings/kafka");
            if (kafka.path("partitions").asInt() != spec.partitions()) {
                problems.add(name + ": bindings.kafka.partitions is not " + spec.partitions());
            }
            String policy = spec.config().getOrDefault("cleanup.policy", "delete");
            if (!List.of(policy.split(",")).equals(strings(kafka.at("/topicConfiguration/cleanup.policy")))) {
                problems.add(name + ": bindings.kafka.topicConfiguration.cleanup.policy is not [" + policy + "]");
            }
            String retention = spec.config().get("retention.ms");
            JsonNode documented = kafka.at("/topicConfiguration/retention.ms");
            if (retention == null ? !documented.isMissingNode() : documented.asLong() != Long.parseLong(retention)) {
                problems.add(name + ": bindings.kafka.topicConfiguration.retention.ms is not " + retention);
            }
        });
        channels.keySet().stream()
                .filter(address -> !topics.containsKey(address))
                .forEach(address -> problems.add("channel " + address + " is not a topic in local/kafka-topics.conf"));
        for (Field field : Topics.class.getFields()) {
            String topic = (String) field.get(null);
            if (!channels.containsKey(topic)) {
                problems.add("Topics." + field.getName() + " (" + topic + ") has no channel");
            }
        }
        assertTrue(problems.isEmpty(), "channels and topics differ:\n" + String.join("\n", problems));
    }

    @Test
    void operationsAreWhatEachServiceConsumesAndProduces() throws Exception {
        Map<String, EventType<?>> typesByRecord = new TreeMap<>();
        eventTypes().forEach(t -> typesByRecord.put(t.payloadClass().getSimpleName(), t));
        Set<String> topics = topics().keySet();
        List<String> problems = new ArrayList<>();
        Map<String, Path> services = services();
        assertFalse(services.isEmpty(), "no service module found under " + ROOT);
        for (Map.Entry<String, Path> service : services.entrySet()) {
            String name = service.getKey();
            Set<String> consumed = consumedTopics(service.getValue());
            Map<String, Set<String>> expectedSends = new TreeMap<>();
            for (String record : producedRecords(service.getValue())) {
                EventType<?> type = typesByRecord.get(record);
                if (type != null) {
                    expectedSends
                            .computeIfAbsent(type.topic(), t -> new TreeSet<>())
                            .add(type.type());
                }
            }
            for (String topic : consumed) {
                if (topics.contains(topic + DLQ)) {
                    expectedSends
                            .computeIfAbsent(topic + DLQ, t -> new TreeSet<>())
                            .add("dead-letter");
                }
            }
            Map<String, Set<String>> sends = operations(name, "send");
            Set<String> receives = operations(name, "receive").keySet();
            diff(name + " receives", consumed, receives, "its mp.messaging incoming channels", problems);
            diff(name + " sends on", expectedSends.keySet(), sends.keySet(), "its X.TYPE.of(...) calls", problems);
            expectedSends.forEach((topic, expected) -> {
                Set<String> documented = sends.getOrDefault(topic, Set.of());
                if (!documented.isEmpty() && !documented.equals(expected)) {
                    problems.add(name + " sends " + expected + " on " + topic + ", the document says " + documented);
                }
            });
        }
        List<String> misplaced = new ArrayList<>();
        document.path("operations").properties().forEach(op -> {
            String channelRef = text(op.getValue().at("/channel/$ref"));
            op.getValue().path("messages").forEach(m -> {
                if (!text(m.path("$ref")).startsWith(channelRef + "/messages/")) {
                    misplaced.add(op.getKey() + " lists " + text(m.path("$ref")) + ", not of " + channelRef);
                }
            });
        });
        problems.addAll(misplaced);
        assertTrue(problems.isEmpty(), "operations differ from the services:\n" + String.join("\n", problems));
    }

    // ---- the payload records against their schemas

    private void checkRecord(String where, Class<?> record, JsonNode schema, List<String> problems) {
        JsonNode properties = schema.path("properties");
        Set<String> components = new LinkedHashSet<>();
        Set<String> nonNull = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            components.add(name);
            boolean required = component.getType().isPrimitive() || nonNull(component.getAnnotatedType());
            if (required) {
                nonNull.add(name);
            }
            JsonNode property = properties.get(name);
            if (property == null) {
                problems.add(where + ": lacks property '" + name + "'");
                continue;
            }
            checkValue(where + "." + name, component.getAnnotatedType(), !required, follow(property), problems);
        }
        properties.propertyNames().stream()
                .filter(name -> !components.contains(name))
                .forEach(name -> problems.add(where + ": property '" + name + "' is no component of " + record));
        Set<String> documented = new TreeSet<>(strings(schema.path("required")));
        if (!documented.equals(nonNull)) {
            problems.add(where + ": required is " + documented + ", the record's non-null components are " + nonNull);
        }
    }

    private void checkValue(
            String where, AnnotatedType annotated, boolean nullable, JsonNode schema, List<String> out) {
        Type type = annotated.getType();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        List<String> types =
                schema.path("type").isArray() ? strings(schema.path("type")) : List.of(text(schema.path("type")));
        String expected = jsonType(raw);
        if (!types.contains(expected)) {
            out.add(where + ": type " + types + " lacks '" + expected + "' (" + raw.getSimpleName() + ")");
        }
        if (nullable && !raw.isPrimitive() && !types.contains("null")) {
            out.add(where + ": may be null, but its type " + types + " does not allow null");
        }
        if (!nullable && types.contains("null")) {
            out.add(where + ": is never null, but its type " + types + " allows null");
        }
        checkConstraints(where, annotated, expected, schema, out);
        if (raw.isEnum()) {
            List<String> constants = Stream.of(raw.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList();
            if (!strings(schema.path("enum")).equals(constants)) {
                out.add(where + ": enum must be " + constants + " as " + raw.getSimpleName() + " declares it");
            }
        }
        if (raw.isRecord()) {
            checkRecord(where, raw, schema, out);
        } else if (annotated instanceof AnnotatedParameterizedType parameterized) {
            AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                checkElement(where + "[]", arguments[0], follow(schema.path("items")), out);
            } else if (Map.class.isAssignableFrom(raw)) {
                checkElement(where + "{}", arguments[1], follow(schema.path("additionalProperties")), out);
            }
        }
    }

    /** Elements of lists and values of maps: their type, constraints and records, not their nullability. */
    private void checkElement(String where, AnnotatedType annotated, JsonNode schema, List<String> out) {
        if (schema.isMissingNode() || !schema.isObject()) {
            out.add(where + ": no schema for the elements");
            return;
        }
        checkValue(where, annotated, strings(schema.path("type")).contains("null"), schema, out);
    }

    private static void checkConstraints(
            String where, AnnotatedType annotated, String jsonType, JsonNode schema, List<String> out) {
        Map<String, Long> expected = new TreeMap<>();
        if (annotated.isAnnotationPresent(NotBlank.class)) {
            expected.put("minLength", 1L);
        }
        Min min = annotated.getAnnotation(Min.class);
        if (min != null) {
            expected.put("minimum", min.value());
        }
        if (annotated.isAnnotationPresent(PositiveOrZero.class)) {
            expected.put("minimum", 0L);
        }
        if (annotated.isAnnotationPresent(Positive.class)) {
            expected.put("minimum", 1L);
        }
        if (annotated.isAnnotationPresent(NotEmpty.class)) {
            expected.put(jsonType.equals("array") ? "minItems" : "minLength", 1L);
        }
        Max max = annotated.getAnnotation(Max.class);
        if (max != null) {
            expected.put("maximum", max.value());
        }
        Size size = annotated.getAnnotation(Size.class);
        if (size != null) {
            String keyword = switch (jsonType) {
                case "string" -> "maxLength";
                case "array" -> "maxItems";
                default -> "maxProperties";
            };
            expected.put(keyword, (long) size.max());
        }
        expected.forEach((keyword, value) -> {
            JsonNode documented = schema.path(keyword);
            if (!documented.isNumber() || documented.asLong() != value) {
                out.add(where + ": " + keyword + " must be " + value + " as the record validates it");
            }
        });
    }

    private static boolean nonNull(AnnotatedType annotated) {
        return annotated.isAnnotationPresent(NotNull.class)
                || annotated.isAnnotationPresent(NotBlank.class)
                || annotated.isAnnotationPresent(NotEmpty.class);
    }

    private static String jsonType(Class<?> raw) {
        if (raw == String.class || raw == UUID.class || raw == Instant.class || raw.isEnum()) {
            return "string";
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            return "integer";
        }
        if (raw == double.class
                || raw == Double.class
                || raw == float.class
                || raw == Float.class
                || raw == BigDecimal.class) {
            return "number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        return Collection.class.isAssignableFrom(raw) ? "array" : "object";
    }

    // ---- what the code says

    /** Every {@code public static EventType} constant of org.voc.events, found on the compiled classes. */
    static List<EventType<?>> eventTypes() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path classes = Path.of(EventType.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path pkg = classes.resolve(EventType.class.getPackageName().replace('.', '/'));
        List<EventType<?>> types = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(pkg)) {
            files = listing.filter(f -> f.toString().endsWith(".class"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String simple = file.getFileName().toString().replaceFirst("\\.class$", "");
            Class<?> type = Class.forName(
                    EventType.class.getPackageName() + "." + simple,
                    false,
                    AsyncApiContractTest.class.getClassLoader());
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class) {
                    field.setAccessible(true);
                    types.add((EventType<?>) field.get(null));
                }
            }
        }
        return types;
    }

    private record TopicSpec(int partitions, Map<String, String> config) {}

    private static Map<String, TopicSpec> topics() throws IOException {
        Map<String, TopicSpec> topics = new TreeMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("local/kafka-topics.conf"))) {
            String[] words = line.strip().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            Map<String, String> config = new LinkedHashMap<>();
            for (int i = 2; i < words.length; i++) {
                String[] pair = words[i].split("=", 2);
                config.put(pair[0], pair[1]);
            }
            topics.put(words[0], new TopicSpec(Integer.parseInt(words[1]), config));
        }
        return topics;
    }

    /** Service modules: those whose application.properties names a Quarkus application. */
    private static Map<String, Path> services() throws IOException {
        Map<String, Path> services = new TreeMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.toList()) {
                Path properties = module.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(properties)) {
                    String name = load(properties).getProperty("quarkus.application.name");
                    if (name != null) {
                        services.put(name, module);
                    }
                }
            }
        }
        return services;
    }

    private static Set<String> consumedTopics(Path module) throws IOException {
        Set<String> topics = new TreeSet<>();
        Properties properties = load(module.resolve("src/main/resources/application.properties"));
        for (String key : properties.stringPropertyNames()) {
            if (INCOMING_TOPIC.matcher(key).matches()) {
                topics.add(properties.getProperty(key).strip());
            }
        }
        return topics;
    }

    /**
     * The payload records a service publishes: {@code Record.TYPE.of(payload)} or {@code Record.TYPE::of} in its main
     * code.
     */
    private static Set<String> producedRecords(Path module) throws IOException {
        Set<String> records = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(module.resolve("src/main/java"))) {
            sources = walk.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Matcher matcher = PRODUCED.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (matcher.find()) {
                records.add(matcher.group(1));
            }
        }
        return records;
    }

    // ---- what the document says

    private Map<String, JsonNode> messagesByName() {
        Map<String, JsonNode> messages = new TreeMap<>();
        document.at("/components/messages").properties().forEach(e -> {
            JsonNode message = follow(e.getValue());
            messages.put(message.has("name") ? text(message.get("name")) : e.getKey(), message);
        });
        return messages;
    }

    private Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new TreeMap<>();
        document.path("channels").properties().forEach(e -> {
            JsonNode channel = follow(e.getValue());
            channels.put(text(channel.path("address")), channel);
        });
        return channels;
    }

    private JsonNode channelOf(String topic) {
        JsonNode channel = channelsByAddress().get(topic);
        return channel == null ? YAML.missingNode() : channel;
    }

    private Set<String> channelMessageNames(JsonNode channel) {
        Set<String> names = new TreeSet<>();
        channel.path("messages").forEach(m -> names.add(text(follow(m).path("name"))));
        return names;
    }

    /** The documented operations of one service (tagged with its name): channel address to message names. */
    private Map<String, Set<String>> operations(String service, String action) {
        Map<String, Set<String>> operations = new TreeMap<>();
        document.path("operations").forEach(op -> {
            boolean tagged = false;
            for (JsonNode tag : op.path("tags")) {
                tagged |= service.equals(text(tag.path("name")));
            }
            if (tagged && action.equals(text(op.path("action")))) {
                Set<String> names = operations.computeIfAbsent(
                        text(follow(op.path("channel")).path("address")), a -> new TreeSet<>());
                op.path("messages").forEach(m -> names.add(text(follow(m).path("name"))));
            }
        });
        return operations;
    }

    /** The constant values the message's headers give a header, through allOf. */
    private Set<String> headerConstants(JsonNode message, String header) {
        Set<String> values = new TreeSet<>();
        JsonNode headers = follow(message.path("headers"));
        List<JsonNode> parts = new ArrayList<>(List.of(headers));
        headers.path("allOf").forEach(part -> parts.add(follow(part)));
        for (JsonNode part : parts) {
            JsonNode constant = part.at("/properties/" + header + "/const");
            if (!constant.isMissingNode()) {
                values.add(text(constant));
            }
        }
        return values;
    }

    private JsonNode follow(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            current = resolve(text(current.get("$ref")));
        }
        return current;
    }

    private JsonNode resolve(String ref) {
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : YAML.missingNode();
    }

    // ---- helpers

    private static void diff(String what, Set<String> code, Set<String> documented, String source, List<String> out) {
        code.stream()
                .filter(t -> !documented.contains(t))
                .forEach(t -> out.add(what + " " + t + " (" + source + "), the document has no such operation"));
        documented.stream()
                .filter(t -> !code.contains(t))
                .forEach(t -> out.add(what + " " + t + " says the document, but not " + source));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.isNull() ? "null" : text(v)));
        return values;
    }

    /** A scalar's text; "" for anything else, missing nodes included. */
    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asString() : "";
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
