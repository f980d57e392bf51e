package org.voc.cases.rules.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.voc.cases.domain.CasePriority;
import org.voc.events.ResponseSubmitted;

/**
 * The enabled rules, prepared once for evaluating many responses: filters as sets, keywords and phrases already
 * stemmed. A pure function of a response, safe to share between threads. Cheap checks run first and a response's
 * free text is stemmed only when a rule that passed them asks about it, and then only once.
 */
public final class RuleSet {

    private static final String NPS = "NPS";
    private static final String CSAT = "CSAT";
    private static final String CES = "CES";
    private static final String RATING = "RATING";
    private static final Set<String> CLI_PARTS = Set.of(NPS, "CLI_REPURCHASE", "CLI_CROSS_BUY");

    private final List<Compiled> rules;

    private RuleSet(List<Compiled> rules) {
        this.rules = rules;
    }

    /** The enabled ones of {@code rules}, ordered by name then id so that verdicts list them stably. */
    public static RuleSet of(List<CaseRule> rules) {
        return new RuleSet(rules.stream()
                .filter(CaseRule::enabled)
                .sorted(Comparator.comparing(CaseRule::name).thenComparing(CaseRule::id))
                .map(Compiled::new)
                .toList());
    }

    public int size() {
        return rules.size();
    }

    /** The decision of the rules the response matches; null when it matches none (it opens no case). */
    public Verdict evaluate(ResponseSubmitted response) {
        Facts facts = new Facts(response);
        List<MatchedRule> matched = null;
        CasePriority priority = null;
        Duration firstContact = null;
        Duration resolution = null;
        String team = null;
        CasePriority teamPriority = null;
        for (Compiled rule : rules) {
            if (!rule.matches(facts)) {
                continue;
            }
            CaseRule r = rule.rule;
            if (matched == null) {
                matched = new ArrayList<>(2);
            }
            matched.add(new MatchedRule(r.id(), r.name()));
            if (priority == null || r.priority().isAbove(priority)) {
                priority = r.priority();
            }
            firstContact = shorter(firstContact, r.firstContactTarget());
            resolution = shorter(resolution, r.resolutionTarget());
            if (r.team() != null && (teamPriority == null || r.priority().isAbove(teamPriority))) {
                team = r.team();
                teamPriority = r.priority();
            }
        }
        return matched == null ? null : new Verdict(List.copyOf(matched), priority, firstContact, resolution, team);
    }

    private static Duration shorter(Duration current, Duration candidate) {
        return current == null || candidate.compareTo(current) < 0 ? candidate : current;
    }

    /** One rule, prepared. */
    private static final class Compiled {
        final CaseRule rule;
        final RuleConditions c;
        final Set<String> touchpoints;
        final Set<String> segments;
        final Set<String> channels;
        /** Each keyword or phrase as its stems; a keyword is a phrase of one stem. */
        final List<String[]> phrases;

        Compiled(CaseRule rule) {
            this.rule = rule;
            this.c = rule.conditions();
            this.touchpoints = Set.copyOf(c.touchpoints());
            this.segments = lowerCase(c.segments());
            this.channels = lowerCase(c.channels());
            this.phrases = c.textAnyOf().stream()
                    .map(t -> WordForms.stems(t).toArray(String[]::new))
                    .filter(stems -> stems.length > 0)
                    .toList();
        }

        boolean matches(Facts f) {
            ResponseSubmitted r = f.response;
            if (!touchpoints.isEmpty() && !touchpoints.contains(r.touchpointKey())) {
                return false;
            }
            if (!segments.isEmpty() && (r.segment() == null || !segments.contains(lower(r.segment())))) {
                return false;
            }
            if (!channels.isEmpty() && (r.channel() == null || !channels.contains(lower(r.channel())))) {
                return false;
            }
            if (c.npsAtMost() != null && (f.nps() == null || f.nps() > c.npsAtMost())) {
                return false;
            }
            if (c.csatBelow() != null && !f.anyScore(CSAT, null, s -> s < c.csatBelow())) {
                return false;
            }
            if (c.cesAtLeast() != null && !f.anyScore(CES, null, s -> s >= c.cesAtLeast())) {
                return false;
            }
            if (c.cliAtMost() != null && !f.anyCliPart(s -> s <= c.cliAtMost())) {
                return false;
            }
            if (c.ratingBelow() != null && !f.anyScore(RATING, c.ratingQuestionId(), s -> s < c.ratingBelow())) {
                return false;
            }
            return phrases.isEmpty() || f.containsAny(phrases);
        }

        private static Set<String> lowerCase(List<String> values) {
            Set<String> set = new HashSet<>();
            values.forEach(v -> set.add(lower(v)));
            return set;
        }
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** What the rules ask of one response, the stems of its free text computed on first use. */
    private static final class Facts {
        final ResponseSubmitted response;
        private List<List<String>> texts;
        private List<Set<String>> words;

        Facts(ResponseSubmitted response) {
            this.response = response;
        }

        /** The response's NPS; older producers may carry it only as an NPS answer. */
        Integer nps() {
            if (response.nps() != null) {
                return response.nps();
            }
            for (ResponseSubmitted.Answer a : answers()) {
                if (a != null && NPS.equalsIgnoreCase(a.type()) && a.score() != null) {
                    return a.score();
                }
            }
            return null;
        }

        boolean anyScore(String type, String questionId, java.util.function.IntPredicate test) {
            for (ResponseSubmitted.Answer a : answers()) {
                if (a != null
                        && a.score() != null
                        && type.equalsIgnoreCase(a.type())
                        && (questionId == null || questionId.equals(a.questionId()))
                        && test.test(a.score())) {
                    return true;
                }
            }
            return false;
        }

        boolean anyCliPart(java.util.function.IntPredicate test) {
            Integer nps = nps();
            if (nps != null && test.test(nps)) {
                return true;
            }
            for (ResponseSubmitted.Answer a : answers()) {
                if (a != null
                        && a.score() != null
                        && a.type() != null
                        && CLI_PARTS.contains(a.type().toUpperCase(Locale.ROOT))
                        && test.test(a.score())) {
                    return true;
                }
            }
            return false;
        }

        boolean containsAny(List<String[]> phrases) {
            if (texts == null) {
                analyse();
            }
            for (int t = 0; t < texts.size(); t++) {
                List<String> stems = texts.get(t);
                Set<String> set = words.get(t);
                for (String[] phrase : phrases) {
                    if (phrase.length == 1 ? set.contains(phrase[0]) : containsInOrder(stems, set, phrase)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void analyse() {
            texts = new ArrayList<>(1);
            words = new ArrayList<>(1);
            for (ResponseSubmitted.Answer a : answers()) {
                if (a != null && a.text() != null && !a.text().isBlank()) {
                    List<String> stems = WordForms.stems(a.text());
                    texts.add(stems);
                    words.add(new HashSet<>(stems));
                }
            }
        }

        private static boolean containsInOrder(List<String> stems, Set<String> set, String[] phrase) {
            if (!set.contains(phrase[0])) {
                return false;
            }
            for (int start = 0; start + phrase.length <= stems.size(); start++) {
                int i = 0;
                while (i < phrase.length && phrase[i].equals(stems.get(start + i))) {
                    i++;
                }
                if (i == phrase.length) {
                    return true;
                }
            }
            return false;
        }

        private List<ResponseSubmitted.Answer> answers() {
            return response.answers() == null ? List.of() : response.answers();
        }
    }
}
