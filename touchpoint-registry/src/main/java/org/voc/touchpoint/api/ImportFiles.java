package org.voc.touchpoint.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.PayloadTooLarge;
import org.voc.kit.problem.ProblemMapper;
import org.voc.touchpoint.domain.TouchpointImport;
import org.voc.touchpoint.domain.TouchpointImport.RowError;

/**
 * Reads an audit file (CSV or a JSON array) into import rows, each checked with the same rules as the touchpoint
 * API's body; a row that breaks them carries its errors instead of failing the whole file.
 */
@ApplicationScoped
public class ImportFiles {

    private static final Set<String> SCALARS = Set.of(
            "key", "name", "description", "channel", "journeyStage", "signalKind", "product", "ownerTeam", "status");
    private static final Set<String> LISTS = Set.of("segments", "tags");
    private static final Set<String> RACI = Set.of("responsible", "accountable", "consulted", "informed");
    private static final List<String> COLUMNS = List.of(
            "key",
            "name",
            "description",
            "channel",
            "journeyStage",
            "signalKind",
            "segments",
            "product",
            "ownerTeam",
            "status",
            "responsible",
            "accountable",
            "consulted",
            "informed",
            "tags",
            "externalRefs",
            "journeys");

    private final ObjectMapper json;
    private final Validator validator;

    public ImportFiles(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public List<TouchpointImport.Row> csv(String file) {
        List<Csv.Record> records = Csv.parse(file);
        if (records.isEmpty()) {
            throw Invalid.field(
                    null, "the file is empty: the first line must name the columns, e.g. " + String.join(",", COLUMNS));
        }
        List<String> header = new ArrayList<>();
        Map<String, String> canonical = new HashMap<>();
        COLUMNS.forEach(c -> canonical.put(c.toLowerCase(), c));
        for (String name : records.get(0).cells()) {
            String column = canonical.get(name.trim().toLowerCase());
            if (column == null) {
                throw Invalid.field(name.trim(), "is not a known column; the columns are " + COLUMNS);
            }
            if (header.contains(column)) {
                throw Invalid.field(column, "the column appears twice");
            }
            header.add(column);
        }
        if (!header.contains("key")) {
            throw Invalid.field("key", "the file has no key column");
        }
        checkSize(records.size() - 1);
        List<TouchpointImport.Row> rows = new ArrayList<>(records.size());
        for (Csv.Record record : records.subList(1, records.size())) {
            if (record.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            ObjectNode body = json.createObjectNode();
            List<String> journeys = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            String key = null;
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                String cell = c < record.cells().size() ? record.cells().get(c).trim() : "";
                if (cell.isEmpty()) {
                    continue;
                }
                if (column.equals("key")) {
                    key = cell;
                }
                if (SCALARS.contains(column)) {
                    body.put(column, cell);
                } else if (LISTS.contains(column)) {
                    split(cell).forEach(body.withArray(column)::add);
                } else if (RACI.contains(column)) {
                    ArrayNode teams = body.with("raci").putArray(column);
                    split(cell).forEach(teams::add);
                } else if (column.equals("journeys")) {
                    journeys.addAll(split(cell));
                } else {
                    List<String> refs = split(cell);
                    ArrayNode array = body.putArray("externalRefs");
                    for (int i = 0; i < refs.size(); i++) {
                        int colon = refs.get(i).indexOf(':');
                        if (colon <= 0) {
                            errors.add(new RowError(
                                    record.line(),
                                    key,
                                    "externalRefs[" + i + "]",
                                    "must be system:ref, e.g. crm:card.delivered"));
                        } else {
                            array.addObject()
                                    .put("system", refs.get(i).substring(0, colon))
                                    .put("ref", refs.get(i).substring(colon + 1));
                        }
                    }
                }
            }
            rows.add(row(record.line(), body, journeys, errors));
        }
        return rows;
    }

    public List<TouchpointImport.Row> json(String file) {
        JsonNode root;
        try {
            root = json.readTree(file);
        } catch (JsonProcessingException e) {
            throw Invalid.field(null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw Invalid.field(null, "the body must be a JSON array of touchpoints");
        }
        checkSize(root.size());
        List<TouchpointImport.Row> rows = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            int number = i + 1;
            JsonNode element = root.get(i);
            List<RowError> errors = new ArrayList<>();
            List<String> journeys = new ArrayList<>();
            if (!element.isObject()) {
                errors.add(new RowError(number, null, null, "must be a JSON object"));
                rows.add(new TouchpointImport.Row(number, null, null, journeys, errors));
                continue;
            }
            ObjectNode body = ((ObjectNode) element).deepCopy();
            JsonNode journeyNode = body.remove("journeys");
            if (journeyNode != null && !journeyNode.isNull()) {
                if (!journeyNode.isArray()) {
                    errors.add(new RowError(
                            number, text(body.get("key")), "journeys", "must be an array of journeyKey/Stage name"));
                } else {
                    journeyNode.forEach(j -> journeys.add(j.asText()));
                }
            }
            rows.add(row(number, body, journeys, errors));
        }
        return rows;
    }

    private TouchpointImport.Row row(int number, ObjectNode body, List<String> journeys, List<RowError> errors) {
        String key = text(body.get("key"));
        TouchpointRequest request;
        try {
            request = json.treeToValue(body, TouchpointRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.add(new RowError(number, key, field(e), reason(e)));
            return new TouchpointImport.Row(number, key, null, journeys, errors);
        }
        if (request.key() == null) {
            errors.add(new RowError(number, null, "key", "must not be blank"));
        }
        for (ConstraintViolation<TouchpointRequest> violation : validator.validate(request)) {
            errors.add(new RowError(number, key, ProblemMapper.field(violation), violation.getMessage()));
        }
        return new TouchpointImport.Row(number, key, request.toFields(), journeys, errors);
    }

    private static String field(Exception e) {
        if (e instanceof JsonMappingException mapping) {
            String path = ProblemMapper.jsonPath(mapping.getPath());
            return path.isEmpty() ? null : path;
        }
        return null;
    }

    private static String reason(Exception e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + List.of(format.getTargetType().getEnumConstants());
        }
        return "has the wrong type or format";
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }

    private static List<String> split(String cell) {
        List<String> values = new ArrayList<>();
        for (String value : cell.split("\\|")) {
            if (!value.isBlank()) {
                values.add(value.trim());
            }
        }
        return values;
    }

    private static void checkSize(int rows) {
        if (rows > TouchpointImport.MAX_ROWS) {
            throw new PayloadTooLarge(
                    "too-many-rows",
                    "Too many rows",
                    "an import takes at most " + TouchpointImport.MAX_ROWS + " rows, this file has " + rows,
                    null);
        }
    }
}
