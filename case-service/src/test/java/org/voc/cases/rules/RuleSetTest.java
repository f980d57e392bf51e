package org.voc.cases.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.voc.cases.domain.CasePriority;
import org.voc.cases.rules.domain.CaseRule;
import org.voc.cases.rules.domain.MatchedRule;
import org.voc.cases.rules.domain.RuleConditions;
import org.voc.cases.rules.domain.RuleSet;
import org.voc.cases.rules.domain.Verdict;
import org.voc.cases.rules.domain.WordForms;
import org.voc.events.ResponseSubmitted;

/** Rule evaluation as a pure function of a response, without a container. */
class RuleSetTest {

    @ParameterizedTest
    @ValueSource(strings = {"задержка", "задержкой", "задержки", "Задержку", "ЗАДЕРЖКАМИ"})
    void aRussianKeywordMatchesItsWordForms(String form) {
        RuleSet rules = RuleSet.of(List.of(text("delay", "задержка")));
        assertNotNull(rules.evaluate(response("Опять " + form + " с картой!")), form);
    }

    @ParameterizedTest
    @ValueSource(strings = {"курьер", "курьера", "курьером", "курьеру", "Курьеры"})
    void anotherRussianNounMatchesItsWordForms(String form) {
        RuleSet rules = RuleSet.of(List.of(text("courier", "курьер")));
        assertNotNull(rules.evaluate(response("Я ждал, " + form + " так и не пришёл")), form);
    }

    @ParameterizedTest
    @ValueSource(strings = {"delay", "delayed", "delays", "Delaying", "DELAY"})
    void anEnglishKeywordMatchesItsWordForms(String form) {
        RuleSet rules = RuleSet.of(List.of(text("delay", "delay")));
        assertNotNull(rules.evaluate(response("The card was " + form + " again.")), form);
    }

    @Test
    void otherWordsDoNotMatch() {
        RuleSet rules = RuleSet.of(List.of(text("delay", "задержка", "delay")));
        assertNull(rules.evaluate(response("Всё пришло вовремя, курьер вежливый. Fast and friendly.")));
        assertNull(rules.evaluate(response(null)));
    }

    @Test
    void aPhraseMatchesItsWordFormsInOrderAndAdjacent() {
        RuleSet rules = RuleSet.of(List.of(text("no-show", "курьер не приехал", "card never arrived")));
        assertNotNull(rules.evaluate(response("Курьера не приехало? Курьер не приехал вообще")));
        assertNotNull(rules.evaluate(response("My cards never arrive, my card never arrived.")));
        assertNull(rules.evaluate(response("Не приехал курьер")), "another order");
        assertNull(rules.evaluate(response("Курьер вчера не приехал")), "a word in between");
        assertNull(rules.evaluate(response("the card arrived, never again")));
    }

    @Test
    void wordFormsAreSharedByKeywordAndText() {
        assertEquals(WordForms.stems("задержка"), WordForms.stems("задержкой"));
        assertEquals(List.of("курьер", "ещ", "не", "приеха"), WordForms.stems("Курьер ЕЩЁ не приехал!"));
    }

    @Test
    void severalRulesMakeOneVerdictWithTheHighestPriorityAndTheStrictestTargets() {
        CaseRule normal = rule("a-normal", RuleConditions.npsAtMost(6), CasePriority.NORMAL, "PT8H", "P5D", "desk");
        CaseRule high = rule("b-high", RuleConditions.npsAtMost(3), CasePriority.HIGH, "PT24H", "P2D", "vip");
        CaseRule off = new CaseRule(
                UUID.randomUUID(),
                "c-off",
                false,
                RuleConditions.npsAtMost(10),
                CasePriority.HIGH,
                Duration.ofHours(1),
                Duration.ofHours(1),
                null,
                false,
                0,
                Instant.EPOCH,
                Instant.EPOCH);
        RuleSet rules = RuleSet.of(List.of(high, off, normal));
        assertEquals(2, rules.size(), "the disabled rule is left out");

        Verdict both = rules.evaluate(nps(2));
        assertEquals(
                List.of(new MatchedRule(normal.id(), "a-normal"), new MatchedRule(high.id(), "b-high")), both.rules());
        assertEquals(CasePriority.HIGH, both.priority());
        assertEquals(Duration.ofHours(8), both.firstContactTarget());
        assertEquals(Duration.ofDays(2), both.resolutionTarget());
        assertEquals("vip", both.team(), "the team of the highest-priority rule");

        Verdict one = rules.evaluate(nps(5));
        assertEquals(List.of(new MatchedRule(normal.id(), "a-normal")), one.rules());
        assertEquals(CasePriority.NORMAL, one.priority());
        assertEquals("desk", one.team());
        assertNull(rules.evaluate(nps(7)));
    }

    @Test
    void cliAndRatingOfAnyQuestionLookAtEveryMatchingAnswer() {
        RuleConditions cli = new RuleConditions(null, null, null, 4, null, null, null, null, null, null);
        RuleConditions anyRating = new RuleConditions(null, null, null, null, null, 3, null, null, null, null);
        RuleSet cliRules = RuleSet.of(List.of(rule("cli", cli, CasePriority.NORMAL, "PT4H", "P3D", null)));
        RuleSet ratingRules = RuleSet.of(List.of(rule("rating", anyRating, CasePriority.NORMAL, "PT4H", "P3D", null)));

        assertNotNull(cliRules.evaluate(answers(score("CLI_CROSS_BUY", "x", 4), score("NPS", "nps", 9))));
        assertNotNull(cliRules.evaluate(answers(score("CLI_REPURCHASE", "r", 9), score("NPS", "nps", 3))));
        assertNull(cliRules.evaluate(answers(score("CLI_REPURCHASE", "r", 5), score("CSAT", "c", 1))));

        assertNotNull(ratingRules.evaluate(answers(score("RATING", "speed", 5), score("RATING", "staff", 2))));
        assertNull(ratingRules.evaluate(answers(score("RATING", "speed", 3), score("CSAT", "c", 1))));
    }

    private static ResponseSubmitted.Answer score(String type, String questionId, int score) {
        return new ResponseSubmitted.Answer(questionId, type, score, null);
    }

    private static ResponseSubmitted answers(ResponseSubmitted.Answer... answers) {
        return new ResponseSubmitted(
                UUID.randomUUID(), UUID.randomUUID(), 1, "tp", "WEB", null, Instant.EPOCH, null, List.of(answers));
    }

    private static CaseRule text(String name, String... anyOf) {
        RuleConditions c = new RuleConditions(null, null, null, null, null, null, List.of(anyOf), null, null, null);
        return rule(name, c, CasePriority.NORMAL, "PT4H", "P3D", null);
    }

    private static CaseRule rule(
            String name, RuleConditions c, CasePriority priority, String first, String resolution, String team) {
        return new CaseRule(
                UUID.randomUUID(),
                name,
                true,
                c,
                priority,
                Duration.parse(first),
                Duration.parse(resolution),
                team,
                false,
                0,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    private static ResponseSubmitted response(String text) {
        return new ResponseSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                "tp",
                "WEB",
                null,
                Instant.EPOCH,
                null,
                List.of(new ResponseSubmitted.Answer("why", "TEXT", null, text)));
    }

    private static ResponseSubmitted nps(int score) {
        return new ResponseSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                "tp",
                "WEB",
                null,
                Instant.EPOCH,
                score,
                List.of(new ResponseSubmitted.Answer("nps", "NPS", score, null)));
    }
}
