package org.voc.e2e;

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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One packaged service running as a separate process, exactly as it runs in a pod: its quarkus-app as a JVM, or,
 * with {@code -Dvoc.e2e.images=<tag>}, its OCI image in a container ({@link ServiceImage}).
 */
final class ServiceProcess implements AutoCloseable {

    /** Where {@link #freePort()} looks: clear of the ephemeral range and of the test infrastructure's ports. */
    private static final int FIRST_PORT = 21000;

    private static final int PORTS = 3000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final ServiceImage image;
    private final long startedNanos = System.nanoTime();
    private Duration readyAfter;

    private ServiceProcess(String name, int port, Path log, Process process, ServiceImage image) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.image = image;
    }

    /** Starts a service on {@code port} with the suite-wide settings in {@code settings} (environment variables). */
    static ServiceProcess start(String name, int port, Path repoRoot, Path logDir, Map<String, String> settings) {
        if (ServiceImage.enabled()) {
            return startImage(name, port, logDir, settings);
        }
        Path app = repoRoot.resolve(name).resolve("target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(
                    app + "/quarkus-run.jar is missing: the service must be packaged before the end-to-end test");
        }
        Path log = logDir.resolve(name + ".log").toAbsolutePath();
        try {
            Files.createDirectories(logDir);
            List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m"));
            // Pauses (GC and every other safepoint) in a file per process, to set beside a slow request.
            command.add("-Xlog:gc,safepoint:file=" + logDir.toAbsolutePath().resolve(name + "-pauses-%p.log")
                    + ":time,uptime");
            // The build's class-data archive names the jar relative to quarkus-app, where the JVM must run.
            if (Files.isRegularFile(app.resolve("app-cds.jsa"))) {
                command.add("-XX:SharedArchiveFile=app-cds.jsa");
            }
            command.addAll(List.of("-jar", "quarkus-run.jar"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(app.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())); // a restart appends
            Map<String, String> env = builder.environment();
            env.putAll(settings);
            env.put("PORT", Integer.toString(port));
            env.put("LOG_JSON", "false");
            return new ServiceProcess(name, port, log, builder.start(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static ServiceProcess startImage(String name, int port, Path logDir, Map<String, String> settings) {
        Path log = logDir.resolve(name + ".log");
        ServiceImage image = new ServiceImage(name, port);
        try {
            Files.createDirectories(logDir);
            Map<String, String> env = new LinkedHashMap<>(ServiceImage.infrastructureSettings());
            env.putAll(settings);
            env.put("PORT", Integer.toString(port));
            env.put("LOG_JSON", "false");
            ProcessBuilder builder = new ProcessBuilder(image.runCommand(env.keySet()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // The values reach the container by name (-e NAME), so no secret shows in a command line.
            builder.environment().putAll(env);
            return new ServiceProcess(name, port, log, builder.start(), image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the image of " + name, e);
        }
    }

    /** The container this service runs in; empty when it runs as a plain JVM. */
    Optional<ServiceImage> image() {
        return Optional.ofNullable(image);
    }

    /** Time from the start of the process (or container) until /q/health/ready first answered 200. */
    Duration readyAfter() {
        return readyAfter;
    }

    /** The JVM's peak resident memory so far (VmHWM), in MiB; empty for an image or a process that has ended. */
    OptionalLong peakRssMib() {
        if (image != null || !process.isAlive()) {
            return OptionalLong.empty();
        }
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String name() {
        return name;
    }

    /** Waits until /q/health/ready answers 200: PostgreSQL, Kafka and the consumers are up. */
    void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            Awaitility.await(name + " ready")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    name + " exited with " + process.exitValue() + "; see " + log);
                        }
                        if (ready(http)) {
                            readyAfter = Duration.ofNanos(System.nanoTime() - startedNanos);
                            return true;
                        }
                        return false;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
        }
    }

    private boolean ready(HttpClient http) throws InterruptedException {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false; // still starting
        }
    }

    /** SIGTERM, as Kubernetes stops a pod, and waits until the process has exited. */
    void terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not shut down within 60 s of SIGTERM; see " + log);
        }
    }

    /** SIGKILL, as the kernel's OOM killer or a lost node would stop it: no shutdown hook runs. */
    void kill() throws InterruptedException {
        if (image != null) {
            image.kill(); // a SIGKILL of the podman client would leave the container running
        }
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                if (image != null) {
                    image.remove();
                }
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A port nothing listens on, below the kernel's ephemeral range (32768 and up on Linux): a port the kernel hands
     * out for {@code bind(0)} may be taken as the local port of an outgoing connection (a Kafka or PostgreSQL client
     * of another service) before the service binds it, and the service would fail to start. Never the same port twice
     * in one run, since a service binds its port only some seconds after it was handed out.
     */
    static synchronized int freePort() {
        int start = FIRST_PORT + ThreadLocalRandom.current().nextInt(PORTS);
        for (int i = 0; i < PORTS; i++) {
            int port = FIRST_PORT + (start - FIRST_PORT + i) % PORTS;
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
        throw new UncheckedIOException(new IOException("no free port in " + FIRST_PORT + "–" + (FIRST_PORT + PORTS)));
    }
}
