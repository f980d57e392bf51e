package org.voc.response;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * survey-service's invitation JWKS for the tests: a JDK HTTP server answering GET /api/invitation-keys/jwks with
 * the keys {@link InvitationKeyring} has published at that moment, so a test can rotate keys while the service runs.
 */
public class JwksServer implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test JWKS server", e);
        }
        server.createContext("/api/invitation-keys/jwks", exchange -> {
            byte[] body = InvitationKeyring.publicJwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of(
                "voc.invitations.jwks-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/api/invitation-keys/jwks");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
