package org.voc.survey.distribution.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Violation;
import org.voc.survey.invitation.domain.DeliveryChannel;

/**
 * What makes distribution settings and the contact policy acceptable. Every field at fault is reported at once,
 * named as a JSON path into the request ({@code rules[0].samplingRate}).
 */
public final class SettingsRules {

    public static final int MAX_RULES = 50;
    public static final Duration MIN_TTL = Duration.ofHours(1);
    public static final Duration MAX_TTL = Duration.ofDays(90);
    public static final Duration MAX_GAP = Duration.ofDays(365);
    public static final Duration MIN_WINDOW = Duration.ofHours(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(365);
    public static final int MAX_INVITATIONS = 100;
    private static final Set<String> CHANNELS =
            Stream.of(Channel.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private SettingsRules() {}

    /** A rule as requested: every field may be missing. */
    public record RuleInput(
            List<String> touchpointKeys,
            List<String> channels,
            List<String> segments,
            Double samplingRate,
            Duration invitationTtl,
            String deliveryChannel,
            Integer priority) {}

    /** Checks the request and returns the rules; {@code boundKeys} are the survey's touchpoint keys. */
    public static List<DistributionRule> rules(
            Boolean enabled, Duration minGap, List<RuleInput> rules, List<String> boundKeys) {
        List<Violation> found = new ArrayList<>();
        if (enabled == null) {
            found.add(new Violation("enabled", "is required"));
        }
        if (minGap != null && (minGap.isNegative() || minGap.compareTo(MAX_GAP) > 0)) {
            found.add(new Violation("minGapPerCustomer", "must be between P0D and P365D"));
        }
        List<DistributionRule> checked = new ArrayList<>();
        if (rules == null) {
            found.add(new Violation("rules", "is required (an empty list invites nobody)"));
        } else if (rules.size() > MAX_RULES) {
            found.add(new Violation("rules", "must hold at most " + MAX_RULES + " rules"));
        } else {
            for (int i = 0; i < rules.size(); i++) {
                DistributionRule rule = rule(rules.get(i), "rules[" + i + "]", boundKeys, found);
                if (rule != null) {
                    checked.add(rule);
                }
            }
        }
        if (!found.isEmpty()) {
            throw Invalid.of(found);
        }
        return checked;
    }

    public static void policy(Integer maxInvitations, Duration window) {
        List<Violation> found = new ArrayList<>();
        if (maxInvitations == null) {
            found.add(new Violation("maxInvitations", "is required"));
        } else if (maxInvitations < 1 || maxInvitations > MAX_INVITATIONS) {
            found.add(new Violation("maxInvitations", "must be between 1 and " + MAX_INVITATIONS));
        }
        if (window == null) {
            found.add(new Violation("window", "is required"));
        } else if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            found.add(new Violation("window", "must be between PT1H and P365D"));
        }
        if (!found.isEmpty()) {
            throw Invalid.of(found);
        }
    }

    private static DistributionRule rule(RuleInput r, String at, List<String> boundKeys, List<Violation> found) {
        int before = found.size();
        if (r == null) {
            found.add(new Violation(at, "must not be null"));
            return null;
        }
        if (r.touchpointKeys() == null || r.touchpointKeys().isEmpty()) {
            found.add(new Violation(at + ".touchpointKeys", "must name at least one touchpoint of the survey"));
        } else {
            for (int k = 0; k < r.touchpointKeys().size(); k++) {
                String key = r.touchpointKeys().get(k);
                if (key == null || !boundKeys.contains(key)) {
                    found.add(new Violation(
                            at + ".touchpointKeys[" + k + "]",
                            "'" + key + "' is not one of the survey's touchpoints " + boundKeys));
                }
            }
        }
        List<String> channels = r.channels() == null ? List.of() : r.channels();
        for (int c = 0; c < channels.size(); c++) {
            if (channels.get(c) == null || !CHANNELS.contains(channels.get(c))) {
                found.add(new Violation(at + ".channels[" + c + "]", "must be one of " + List.of(Channel.values())));
            }
        }
        List<String> segments = r.segments() == null ? List.of() : r.segments();
        for (int s = 0; s < segments.size(); s++) {
            String segment = segments.get(s);
            if (segment == null || segment.isBlank() || segment.length() > 60) {
                found.add(new Violation(at + ".segments[" + s + "]", "must be a segment name of 1 to 60 characters"));
            }
        }
        if (r.samplingRate() == null) {
            found.add(new Violation(at + ".samplingRate", "is required"));
        } else if (!(r.samplingRate() >= 0 && r.samplingRate() <= 1)) {
            found.add(new Violation(at + ".samplingRate", "must be between 0 and 1"));
        }
        if (r.invitationTtl() == null) {
            found.add(new Violation(at + ".invitationTtl", "is required"));
        } else if (r.invitationTtl().compareTo(MIN_TTL) < 0 || r.invitationTtl().compareTo(MAX_TTL) > 0) {
            found.add(new Violation(at + ".invitationTtl", "must be between PT1H and P90D"));
        }
        DeliveryChannel delivery = null;
        if (r.deliveryChannel() == null) {
            found.add(new Violation(at + ".deliveryChannel", "is required"));
        } else {
            try {
                delivery = DeliveryChannel.valueOf(r.deliveryChannel());
            } catch (IllegalArgumentException e) {
                found.add(
                        new Violation(at + ".deliveryChannel", "must be one of " + List.of(DeliveryChannel.values())));
            }
        }
        if (found.size() > before) {
            return null;
        }
        return new DistributionRule(
                List.copyOf(r.touchpointKeys().stream().distinct().toList()),
                channels.stream().distinct().toList(),
                segments.stream().distinct().toList(),
                r.samplingRate(),
                r.invitationTtl(),
                delivery,
                r.priority() == null ? 0 : r.priority());
    }
}
