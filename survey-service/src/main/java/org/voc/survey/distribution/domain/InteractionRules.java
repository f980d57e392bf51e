package org.voc.survey.distribution.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.voc.events.Interaction;
import org.voc.kit.problem.Violation;

/**
 * What makes an interaction acceptable, for the API and the Kafka intake alike. Fields are named as the API names
 * them ({@code touchpointRef.system}), prefixed with the item's path in a batch ({@code interactions[3].}).
 */
public final class InteractionRules {

    public static final int MAX_ID = 120;
    public static final int MAX_REF = 200;
    public static final int MAX_KEY = 80;
    public static final int MAX_SEGMENT = 60;
    public static final int MAX_LOCALE = 35;
    /** Clocks of source systems drift; an interaction further ahead than this is a mistake, not drift. */
    public static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    private static final Set<String> CHANNELS =
            Stream.of(Channel.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private InteractionRules() {}

    public static List<Violation> violations(Interaction i, String prefix, Instant now) {
        List<Violation> found = new ArrayList<>();
        required(found, prefix + "interactionId", i.interactionId(), MAX_ID);
        required(found, prefix + "customerRef", i.customerRef(), MAX_REF);
        boolean byKey = i.touchpointKey() != null;
        boolean byRef = i.touchpointSystem() != null || i.touchpointRef() != null;
        if (byKey && byRef) {
            found.add(new Violation(prefix + "touchpointKey", "give either touchpointKey or touchpointRef, not both"));
        } else if (!byKey && !byRef) {
            found.add(new Violation(prefix + "touchpointKey", "is required unless touchpointRef is given"));
        } else if (byKey) {
            required(found, prefix + "touchpointKey", i.touchpointKey(), MAX_KEY);
        } else {
            required(found, prefix + "touchpointRef.system", i.touchpointSystem(), MAX_KEY);
            required(found, prefix + "touchpointRef.ref", i.touchpointRef(), MAX_REF);
        }
        if (blank(i.channel())) {
            found.add(new Violation(prefix + "channel", "is required"));
        } else if (!CHANNELS.contains(i.channel())) {
            found.add(new Violation(prefix + "channel", "must be one of " + List.of(Channel.values())));
        }
        optional(found, prefix + "segment", i.segment(), MAX_SEGMENT);
        optional(found, prefix + "employeeRef", i.employeeRef(), MAX_REF);
        optional(found, prefix + "processRef", i.processRef(), MAX_REF);
        optional(found, prefix + "locale", i.locale(), MAX_LOCALE);
        if (i.occurredAt() != null && i.occurredAt().isAfter(now.plus(MAX_FUTURE))) {
            found.add(
                    new Violation(prefix + "occurredAt", "is more than 5 minutes in the future (now is " + now + ")"));
        }
        return found;
    }

    /**
     * Fingerprint of the interaction as it was sent, so a retry with the same id is recognised and a different
     * body under the same id is refused. A missing occurredAt stays missing here (its default is "now").
     */
    public static String hash(Interaction i) {
        String canonical = String.join(
                "\u001f",
                Stream.of(
                                i.interactionId(),
                                i.customerRef(),
                                i.touchpointKey(),
                                i.touchpointSystem(),
                                i.touchpointRef(),
                                i.channel(),
                                i.segment(),
                                i.occurredAt() == null ? null : i.occurredAt().toString(),
                                i.employeeRef(),
                                i.processRef(),
                                i.locale())
                        .map(v -> v == null ? "\u0000" : v)
                        .toList());
        return HexFormat.of().formatHex(Sampling.sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static void required(List<Violation> found, String field, String value, int max) {
        if (blank(value)) {
            found.add(new Violation(field, "is required"));
        } else {
            optional(found, field, value, max);
        }
    }

    private static void optional(List<Violation> found, String field, String value, int max) {
        if (value != null && value.isBlank()) {
            found.add(new Violation(field, "must not be blank"));
        } else if (value != null && value.length() > max) {
            found.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
