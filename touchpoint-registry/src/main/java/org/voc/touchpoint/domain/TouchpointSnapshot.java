package org.voc.touchpoint.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.voc.events.TouchpointState;
import org.voc.touchpoint.persistence.TouchpointEntity;

/** Field values of a touchpoint as the history compares them, and its state event. */
public final class TouchpointSnapshot {

    private TouchpointSnapshot() {}

    /** The fields a person changes, in a stable order; lists as lists so the JSON of the history reads well. */
    public static Map<String, Object> of(TouchpointEntity t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", t.name);
        fields.put("description", t.description);
        fields.put("channel", t.channel == null ? null : t.channel.name());
        fields.put("journeyStage", t.journeyStage == null ? null : t.journeyStage.name());
        fields.put("signalKind", t.signalKind == null ? null : t.signalKind.name());
        fields.put("segments", list(t.segments));
        fields.put("product", t.product);
        fields.put("ownerTeam", t.ownerTeam);
        fields.put("status", t.status == null ? null : t.status.name());
        fields.put("raci.responsible", list(t.responsible));
        fields.put("raci.accountable", list(t.accountable));
        fields.put("raci.consulted", list(t.consulted));
        fields.put("raci.informed", list(t.informed));
        fields.put("tags", list(t.tags));
        fields.put("externalRefs", list(t.externalRefs));
        return fields;
    }

    /** {@code field → {from, to}} for every field that differs; empty when nothing changed. */
    public static Map<String, Map<String, Object>> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : after.entrySet()) {
            Object from = before == null ? null : before.get(field.getKey());
            if (!Objects.equals(from, field.getValue())) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", field.getValue());
                changes.put(field.getKey(), change);
            }
        }
        return changes;
    }

    public static TouchpointState state(TouchpointEntity t) {
        return new TouchpointState(
                t.id,
                t.key,
                t.name,
                t.channel.name(),
                t.journeyStage.name(),
                t.signalKind.name(),
                list(t.segments),
                t.product,
                t.ownerTeam,
                t.status.name(),
                t.version,
                t.updatedAt,
                t.description,
                new TouchpointState.Raci(list(t.responsible), list(t.accountable), list(t.consulted), list(t.informed)),
                list(t.tags),
                list(t.externalRefs).stream()
                        .map(ExternalRef::decode)
                        .map(r -> new TouchpointState.ExternalRef(r.system(), r.ref()))
                        .toList());
    }

    /** Applies the wanted fields; the status defaults when the caller gives none. */
    public static void apply(TouchpointEntity t, TouchpointFields f, TouchpointStatus defaultStatus, Instant now) {
        t.name = f.name();
        t.description = f.description();
        t.channel = f.channel();
        t.journeyStage = f.journeyStage();
        t.signalKind = f.signalKind();
        t.segments = distinct(f.segments());
        t.product = f.product();
        t.ownerTeam = f.ownerTeam();
        t.status = f.status() == null ? defaultStatus : f.status();
        Raci raci = f.raci() == null ? Raci.NONE : f.raci();
        t.responsible = distinct(raci.responsible());
        t.accountable = distinct(raci.accountable());
        t.consulted = distinct(raci.consulted());
        t.informed = distinct(raci.informed());
        t.tags = distinct(f.tags());
        t.externalRefs = f.externalRefs() == null
                ? new String[0]
                : f.externalRefs().stream().map(ExternalRef::encoded).distinct().toArray(String[]::new);
        t.updatedAt = now;
    }

    private static String[] distinct(List<String> values) {
        return values == null ? new String[0] : values.stream().distinct().toArray(String[]::new);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
