package org.voc.testsupport;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Access tokens issued by the real test Keycloak (realm {@code voc}), and a forged one for negative tests. */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Tokens() {}

    /** Token of a demo user (password {@code <user>-demo}) through the public {@code voc-cli} client. */
    public static String user(String username) {
        return cached(
                "user:" + username,
                u -> fetch(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "voc-cli",
                        "username",
                        username,
                        "password",
                        username + "-demo")));
    }

    /** Token of the confidential machine client {@code voc-ingest} (client-credentials grant). */
    public static String ingestClient() {
        return client("voc-ingest", "voc-ingest-secret");
    }

    /** Token of a confidential client's service account (client-credentials grant). */
    public static String client(String clientId, String secret) {
        return cached(
                "client:" + clientId,
                c -> fetch(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
    }

    /**
     * A real token of {@code username} whose signature was replaced by one made with a key Keycloak never had:
     * header and claims are genuine, so only signature verification can reject it.
     */
    public static String forged(String username) {
        String[] parts = user(username).split("\\.");
        String signingInput = parts[0] + "." + parts[1];
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(generator.generateKeyPair().getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cached token, fetched again once it has less than a minute left: a long test run outlives the realm's
     * 15-minute token lifespan.
     */
    private static String cached(String key, Function<String, String> fetch) {
        return CACHE.compute(key, (k, token) -> token == null || expiresSoon(token) ? fetch.apply(k) : token);
    }

    private static boolean expiresSoon(String token) {
        String[] parts = token.split("\\.");
        try {
            long exp = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]))
                    .path("exp")
                    .asLong(0);
            return exp - 60 < Instant.now().getEpochSecond();
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static String fetch(Map<String, String> form) {
        return given().baseUri(TestInfra.oidcUrl())
                .contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .post("/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
