package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * `helm test` fails when a service is not ready: the rendered script runs with the machine's sh and curl against a
 * real HTTP server that stands in for the cluster's Services (curl reaches it as its HTTP proxy).
 */
class HelmTestPodTest {

    private static ObjectNode container(Path values) {
        ObjectNode pod = Chart.named(Chart.renderHooks(values), "Pod", Chart.RELEASE + "-test-ready");
        return (ObjectNode) pod.path("spec").path("containers").get(0);
    }

    /** Runs the test pod's command with every request answered by a local server; returns exit code and output. */
    private static Result run(String notReadyService) throws Exception {
        JsonNode container = container(Chart.ci("default"));
        List<String> command = new java.util.ArrayList<>();
        container.path("command").forEach(c -> command.add(c.asText()));
        container.path("args").forEach(a -> command.add(a.asText()));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            // Through a proxy the request line carries the absolute URL, whose host names the Service.
            String url = exchange.getRequestURI().toString();
            int status = url.contains("-" + notReadyService + "/") ? 503 : 200;
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Path log = Files.createTempFile("helm-test", ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment()
                    .put("http_proxy", "http://127.0.0.1:" + server.getAddress().getPort());
            builder.environment().remove("no_proxy");
            builder.environment().remove("NO_PROXY");
            // A 503 is retried as in the cluster (5 times, 2 s apart) before the check fails.
            Process process = builder.start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the test script did not finish");
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            server.stop(0);
        }
    }

    private record Result(int exitCode, String output) {}

    @Test
    void helmTestPassesWhenEveryServiceIsReady() throws Exception {
        Result result = run("no-such-service");
        assertEquals(0, result.exitCode(), result.output());
        for (String service : Chart.SERVICES) {
            assertTrue(result.output().contains(service + ": ready"), result.output());
        }
    }

    @Test
    void helmTestFailsWhenOneServiceIsNotReadyAndNamesIt() throws Exception {
        Result result = run("metrics-service");
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("metrics-service: NOT ready"), result.output());
        // The others are still checked and reported.
        assertTrue(result.output().contains("case-service: ready"), result.output());
    }

    @Test
    void testImageComesFromItsRegistryOrTheGlobalMirror() {
        assertEquals(
                "docker.io/curlimages/curl:8.11.1",
                container(Chart.ci("default")).path("image").asText());
        Path mirror =
                writeValues("global:\n  imageRegistry: mirror.corp.example\ntests:\n  image:\n    registry: \"\"\n");
        assertEquals(
                "mirror.corp.example/curlimages/curl:8.11.1",
                container(mirror).path("image").asText());
    }

    static Path writeValues(String yaml) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "values"));
            Path file = Files.createTempFile(dir, "values", ".yaml");
            Files.writeString(file, yaml);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
