import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a small VoC program into a running suite through its public APIs: four touchpoints of a bank and their
 * owner teams (the demo user agent a member of two), one published transactional NPS survey, a few hundred
 * responses (some detractors with comments), and distribution: a contact policy, a sampling rule and 200
 * interactions decided into invitations or suppressions. Idempotent: teams and touchpoints are found by key, the
 * survey by name, and responses carry fixed ids, so running it again adds nothing. Run by `./voc up`; needs only a
 * JDK (java DemoProgram.java).
 */
public class DemoProgram {

    static final String SURVEY_NAME = "Demo: transactional NPS";
    static final int RESPONSES = 300;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** key, name, channel, stage, segments, product, owner team, share of detractors, what detractors say */
    record Touchpoint(String key, String name, String channel, String stage, String segments, String product,
            String team, double detractorShare, List<String> complaints) {
    }

    static final List<Touchpoint> TOUCHPOINTS = List.of(
            new Touchpoint("card-delivery", "Card delivery at the branch", "BRANCH", "ONBOARDING", "\"RETAIL\"",
                    "debit-card", "cards-ops", 0.35, List.of("The card arrived a week late and nobody told me why",
                            "I had to come to the branch twice", "The branch did not have my card")),
            new Touchpoint("mobile-app-login", "Logging in to the mobile app", "MOBILE_APP", "USAGE", "\"RETAIL\"",
                    "mobile-banking", "digital-channels", 0.15, List.of("The app logged me out three times today",
                            "The one-time code never arrived")),
            new Touchpoint("contact-centre-call", "Call to the contact centre", "CONTACT_CENTER", "SERVICE",
                    "\"RETAIL\", \"SME\"", "servicing", "contact-centre", 0.25,
                    List.of("I waited 25 minutes on hold", "The operator could not answer my question")),
            new Touchpoint("mortgage-application", "Online mortgage application", "WEB", "PURCHASE", "\"RETAIL\"",
                    "mortgage", "mortgages", 0.20, List.of("Too many documents for the application",
                            "Nobody told me where my application stood")));

    /** key and name of the owner teams of the touchpoints above. */
    static final Map<String, String> TEAMS = Map.of("cards-ops", "Cards operations", "digital-channels",
            "Digital channels", "contact-centre", "Contact centre", "mortgages", "Mortgages");
    static final List<String> AGENT_TEAMS = List.of("cards-ops", "contact-centre");

    public static void main(String[] args) throws Exception {
        String oidc = env("VOC_OIDC_URL", "http://localhost:18180/realms/voc");
        String admin = token(oidc, "grant_type=password&client_id=voc-cli&username=admin&password=admin-demo");
        String ingest = token(oidc,
                "grant_type=client_credentials&client_id=voc-ingest&client_secret=voc-ingest-secret");
        String touchpoints = env("VOC_TOUCHPOINT_URL", "http://localhost:18081");
        String surveys = env("VOC_SURVEY_URL", "http://localhost:18082");
        String responses = env("VOC_RESPONSE_URL", "http://localhost:18083");

        // The owner teams; the demo user `agent` works the cases of two of them (docs/security.md, case scoping).
        for (Map.Entry<String, String> team : TEAMS.entrySet()) {
            HttpResponse<String> r = send("POST", touchpoints + "/api/teams", admin, """
                    {"key": "%s", "name": "%s", "timeZone": "Europe/London", "members": %s,
                     "workingHours": {"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                                      "start": "08:00", "end": "18:00"}}""".formatted(team.getKey(), team.getValue(),
                    AGENT_TEAMS.contains(team.getKey()) ? "[\"agent\"]" : "[]"));
            expect(r, 201, 409);
            System.out.printf("    team       %-22s %s%n", team.getKey(),
                    r.statusCode() == 201 ? "registered" : "already there");
        }

        for (Touchpoint t : TOUCHPOINTS) {
            HttpResponse<String> r = send("POST", touchpoints + "/api/touchpoints", admin, """
                    {"key": "%s", "name": "%s", "channel": "%s", "journeyStage": "%s", "signalKind": "DIRECT",
                     "segments": [%s], "product": "%s", "ownerTeam": "%s"}""".formatted(t.key, t.name, t.channel,
                    t.stage, t.segments, t.product, t.team));
            expect(r, 201, 409);
            System.out.printf("    touchpoint %-22s %s%n", t.key,
                    r.statusCode() == 201 ? "registered" : "already there");
        }

        String surveyId = existingSurvey(surveys, admin);
        if (surveyId == null) {
            String keys = String.join(", ", TOUCHPOINTS.stream().map(t -> "\"" + t.key + "\"").toList());
            HttpResponse<String> created = send("POST", surveys + "/api/surveys", admin, """
                    {"name": "%s", "defaultLocale": "en", "touchpointKeys": [%s],
                     "questions": [
                       {"id": "nps", "type": "NPS", "required": true,
                        "text": {"en": "How likely are you to recommend us to a friend or colleague?"}},
                       {"id": "reason", "type": "TEXT", "required": false,
                        "text": {"en": "What is the main reason for your score?"}}]}""".formatted(SURVEY_NAME, keys));
            expect(created, 201);
            surveyId = field(created.body(), "id");
            expect(send("POST", surveys + "/api/surveys/" + surveyId + "/publish", admin, ""), 201);
            System.out.println("    survey '" + SURVEY_NAME + "' published as version 1 (" + surveyId + ")");
        } else {
            System.out.println("    survey '" + SURVEY_NAME + "' already there (" + surveyId + ")");
        }

        Random random = new Random(42);
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Map<Integer, Integer> outcome = new LinkedHashMap<>();
        for (int i = 0; i < RESPONSES; i++) {
            Touchpoint t = TOUCHPOINTS.get(i % TOUCHPOINTS.size());
            int score = score(random, t.detractorShare);
            String reason = score <= 6 ? ", {\"questionId\": \"reason\", \"text\": \""
                    + t.complaints.get(random.nextInt(t.complaints.size())) + "\"}" : "";
            String body = """
                    {"id": "%s", "surveyId": "%s", "touchpointKey": "%s", "channel": "%s",
                     "customerRef": "demo-cust-%04d",
                     "respondedAt": "%s", "answers": [{"questionId": "nps", "score": %d}%s]}""".formatted(
                    UUID.nameUUIDFromBytes(("demo-response-" + i).getBytes(StandardCharsets.UTF_8)), surveyId, t.key,
                    t.channel, i, now.minus(random.nextInt(14 * 24), ChronoUnit.HOURS), score, reason);
            HttpResponse<String> r = submitWhenSurveyKnown(responses + "/api/responses", ingest, body);
            outcome.merge(r.statusCode(), 1, Integer::sum);
        }
        System.out.printf("    %d responses: %d new, %d already loaded%n", RESPONSES, outcome.getOrDefault(201, 0),
                outcome.getOrDefault(200, 0) + outcome.getOrDefault(409, 0));

        distribute(surveys, admin, ingest, surveyId, now);
    }

    /**
     * Invites after interactions: half of the interactions at the demo touchpoints are sampled, at most 3 invitations
     * per customer in 30 days, 14 days between two invitations to the demo survey. Then 200 interactions of 60
     * customers over the last 3 days (fixed ids: a second run gets the stored decisions back).
     */
    static void distribute(String surveys, String admin, String ingest, String surveyId, Instant now) throws Exception {
        String keys = String.join(", ", TOUCHPOINTS.stream().map(t -> "\"" + t.key + "\"").toList());
        expect(send("PUT", surveys + "/api/contact-policy", admin, "{\"maxInvitations\": 3, \"window\": \"P30D\"}"),
                200);
        expect(send("PUT", surveys + "/api/surveys/" + surveyId + "/distribution", admin, """
                {"enabled": true, "minGapPerCustomer": "P14D",
                 "rules": [{"touchpointKeys": [%s], "samplingRate": 0.5, "invitationTtl": "P7D",
                            "deliveryChannel": "SMS", "priority": 100}]}""".formatted(keys)), 200);
        Random random = new Random(7);
        StringBuilder batch = new StringBuilder("{\"interactions\": [");
        for (int i = 0; i < 200; i++) {
            Touchpoint t = TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()));
            batch.append(i == 0 ? "" : ",").append("""
                    {"interactionId": "demo-interaction-%04d", "customerRef": "demo-cust-%04d", "touchpointKey": "%s",
                     "channel": "%s", "segment": "RETAIL", "occurredAt": "%s"}""".formatted(i, random.nextInt(60),
                    t.key, t.channel, now.minus(72 - i * 72 / 200, ChronoUnit.HOURS)));
        }
        HttpResponse<String> decided = null;
        // survey-service learns the touchpoints from Kafka: until it has, it would answer UNKNOWN_TOUCHPOINT, and
        // decisions are final, so wait for it with a probe first.
        for (int attempt = 0; attempt < 60; attempt++) {
            HttpResponse<String> probe = send("POST", surveys + "/api/interactions", ingest, """
                    {"interactionId": "demo-probe-%d", "customerRef": "demo-probe", "touchpointKey": "%s",
                     "channel": "BRANCH"}""".formatted(attempt, TOUCHPOINTS.get(0).key));
            expect(probe, 201, 200);
            if (!probe.body().contains("UNKNOWN_TOUCHPOINT")) {
                decided = send("POST", surveys + "/api/interactions/batch", ingest, batch + "]}");
                break;
            }
            Thread.sleep(500);
        }
        if (decided == null) {
            throw new IllegalStateException("survey-service did not learn the demo touchpoints within 30 s");
        }
        expect(decided, 200);
        Matcher outcomes = Pattern.compile("\"outcome\"\\s*:\\s*\"(\\w+)\"").matcher(decided.body());
        Map<String, Integer> counts = new LinkedHashMap<>();
        while (outcomes.find()) {
            counts.merge(outcomes.group(1), 1, Integer::sum);
        }
        Matcher link = Pattern.compile("\"link\"\\s*:\\s*\"([^\"]+)\"").matcher(decided.body());
        System.out.printf("    200 interactions: %d invited, %d suppressed"
                + " (why: GET /api/decisions?customerRef=demo-cust-0001)%n",
                counts.getOrDefault("INVITED", 0), counts.getOrDefault("SUPPRESSED", 0));
        if (link.find()) {
            System.out.println("    an invitation to answer in a browser: " + link.group(1));
        }
    }

    /** Roughly the demo touchpoint's share of detractors, the rest split between passives and promoters. */
    static int score(Random random, double detractorShare) {
        double roll = random.nextDouble();
        if (roll < detractorShare) {
            return random.nextInt(7);
        }
        return roll < detractorShare + 0.25 ? 7 + random.nextInt(2) : 9 + random.nextInt(2);
    }

    /** response-service learns published surveys from Kafka; until it has, it answers 400 for surveyId. */
    static HttpResponse<String> submitWhenSurveyKnown(String url, String token, String body) throws Exception {
        for (int attempt = 0; attempt < 60; attempt++) {
            HttpResponse<String> r = send("POST", url, token, body);
            // 409: an earlier run stored this id, with times relative to its own clock.
            if (r.statusCode() == 201 || r.statusCode() == 200 || r.statusCode() == 409) {
                return r;
            }
            if (r.statusCode() != 400 || !r.body().contains("\"surveyId\"")) {
                throw new IllegalStateException("response rejected: " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("response-service did not learn the demo survey within 30 s");
    }

    /** The published demo survey's id: the nearest survey id before its name (question ids are not UUIDs). */
    static String existingSurvey(String surveys, String token) throws Exception {
        HttpResponse<String> r = send("GET",
                surveys + "/api/surveys?touchpoint=card-delivery&status=PUBLISHED&limit=500", token, null);
        expect(r, 200);
        Matcher name = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(SURVEY_NAME) + "\"").matcher(r.body());
        if (!name.find()) {
            return null;
        }
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(r.body().substring(0, name.start()));
        String last = null;
        while (id.find()) {
            last = id.group(1);
        }
        return last;
    }

    static String token(String oidc, String form) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(oidc + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        expect(r, 200);
        return field(r.body(), "access_token");
    }

    static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> r, int... statuses) {
        for (int status : statuses) {
            if (r.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": "
                + r.body());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
