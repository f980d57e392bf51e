package org.voc.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The real case-service, metrics-service and touchpoint-registry, packaged, each as its own process against the test
 * PostgreSQL, Kafka and Keycloak: the console under test calls them with the logged-in user's token, so roles and
 * team rules are the services' own. Their URLs are given to the console as {@code voc.console.services.*}.
 */
public class ServiceProcesses implements QuarkusTestResourceLifecycleManager {

    /** Clear of the kernel's ephemeral range and of the test infrastructure's ports. */
    private static final int FIRST_PORT = 21000;

    private static final int PORTS = 3000;

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private static final Path LOGS = Path.of(System.getProperty("voc.test.service-logs", "target/service-logs"));

    private final List<Process> processes = new ArrayList<>();
    private static final Map<String, String> URLS = new LinkedHashMap<>();

    /** case-service's base URL, for tests that prepare or change a case through its API. */
    public static String casesUrl() {
        return URLS.get("case-service");
    }

    /** touchpoint-registry's base URL. */
    public static String registryUrl() {
        return URLS.get("touchpoint-registry");
    }

    @Override
    public Map<String, String> start() {
        Map<String, Process> started = new LinkedHashMap<>();
        for (String service : List.of("case-service", "metrics-service", "touchpoint-registry")) {
            int port = freePort();
            URLS.put(service, "http://localhost:" + port);
            started.put(service, launch(service, port));
        }
        // They start at once; then each must become ready.
        started.forEach((service, process) -> awaitReady(URLS.get(service), process));
        return Map.of(
                "voc.console.services.cases", URLS.get("case-service"),
                "voc.console.services.metrics", URLS.get("metrics-service"),
                "voc.console.services.touchpoints", URLS.get("touchpoint-registry"));
    }

    private Process launch(String service, int port) {
        Path root = Path.of(System.getProperty("voc.repo.root", ".."));
        Path jar = root.resolve(service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + service + " before the console's tests");
        }
        try {
            Files.createDirectories(LOGS);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-XX:+UseSerialGC",
                            "-jar",
                            jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            LOGS.resolve(service + ".log").toFile()));
            // The infrastructure settings (VOC_PG_*, VOC_KAFKA_BOOTSTRAP, VOC_OIDC_URL) come from the environment.
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("LOG_JSON", "false");
            builder.environment().putIfAbsent("VOC_PII_PSEUDONYM_KEY", "test-only-pseudonym-key");
            Process process = builder.start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service, e);
        }
    }

    @Override
    public void stop() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static void awaitReady(String baseUrl, Process process) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(baseUrl + " exited; see the logs in " + LOGS);
            }
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(baseUrl + " was not ready within 5 minutes; see the logs in " + LOGS);
    }

    /** A port nothing listens on and not handed out before: a service binds its port seconds after it got it. */
    private static synchronized int freePort() {
        int start = ThreadLocalRandom.current().nextInt(PORTS);
        for (int i = 0; i < PORTS; i++) {
            int port = FIRST_PORT + (start + i) % PORTS;
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                HANDED_OUT.add(port);
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use: try the next one
            }
        }
        throw new UncheckedIOException(new IOException("no free port from " + FIRST_PORT));
    }
}
