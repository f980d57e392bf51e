package org.voc.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packaged services started together, wired to each other as in a cluster: each gets its port up front, so that
 * survey-service can build invitation links to response-service and response-service can fetch survey-service's
 * public invitation keys.
 */
final class Suite implements AutoCloseable {

    static final List<String> ALL =
            List.of("touchpoint-registry", "survey-service", "response-service", "metrics-service", "case-service");

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Path root = Path.of(System.getProperty("voc.repo.root", ".."));
    private final Path logs = Path.of(System.getProperty("voc.e2e.logs", "target/service-logs"));
    private Map<String, String> settings = Map.of();

    private final List<String> started;

    /** Every service gets a port, started or not, so each one's settings can name all the others. */
    private Suite(List<String> services) {
        ALL.forEach(name -> ports.put(name, ServiceProcess.freePort()));
        this.started = services;
    }

    /** Starts the named services and waits until every one is ready. */
    static Suite start(List<String> services) throws InterruptedException {
        Suite suite = new Suite(services);
        suite.settings = Map.of(
                // survey-service's own tests use the same database, so the same secret as its test profile: a key
                // encrypted by one must be readable by the other (another secret cannot read it, by design).
                "VOC_INVITATION_KEY_SECRET",
                "test-only-invitation-key-secret",
                // Customer pseudonyms: the services' test-profile key, so pseudonyms match their own tests'.
                "VOC_PII_PSEUDONYM_KEY",
                "test-only-pseudonym-key",
                "VOC_DISTRIBUTION_LINK_BASE_URL",
                suite.url("response-service"),
                "VOC_INVITATIONS_JWKS_URL",
                suite.url("survey-service") + "/api/invitation-keys/jwks",
                // Five JVMs start at once on a machine as small as CI's: a new connection may take longer than the
                // pool's default 5 s wait, and Flyway would give up at start.
                "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT",
                "20s");
        try {
            for (String service : suite.started) {
                suite.running.put(service, suite.launch(service));
            }
            // Five JVMs start at once: on a loaded build machine that can take minutes (-Dvoc.e2e.ready-timeout=PT10M).
            Duration ready = Duration.parse(System.getProperty("voc.e2e.ready-timeout", "PT5M"));
            for (ServiceProcess service : suite.running.values()) {
                service.awaitReady(ready);
            }
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private ServiceProcess launch(String service) {
        return ServiceProcess.start(service, ports.get(service), root, logs, settings);
    }

    /** SIGKILLs a running service of the suite. */
    void kill(String service) throws InterruptedException {
        running.get(service).kill();
    }

    /** Stops a running service of the suite with SIGTERM and waits until it has shut down. */
    void terminate(String service) throws InterruptedException {
        running.get(service).terminate();
    }

    /** Starts a service again on its port (after {@link #kill}) and waits until it is ready. */
    void restart(String service) {
        restart(List.of(service));
    }

    /** Starts services again side by side, as their pods would be, and waits until every one is ready. */
    void restart(List<String> services) {
        List<ServiceProcess> again = new ArrayList<>();
        for (String service : services) {
            ServiceProcess process = launch(service);
            running.put(service, process);
            again.add(process);
        }
        again.forEach(process -> process.awaitReady(Duration.ofSeconds(300)));
    }

    /** Base URL of a service of the suite (also of one not started: nothing answers there). */
    String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** The running services, in start order. */
    Collection<ServiceProcess> running() {
        return running.values();
    }

    @Override
    public void close() {
        if (ServiceImage.enabled() && System.getProperty("voc.e2e.figures") != null) {
            writeImageFigures(Path.of(System.getProperty("voc.e2e.figures")));
        }
        running.values().forEach(ServiceProcess::close);
    }

    /**
     * Each image's size, time to ready and the JVM's resident memory now (after the tests), for docs/operations.md.
     * A record, not an assertion: the figures depend on the machine and its load.
     */
    private void writeImageFigures(Path file) {
        StringBuilder table = new StringBuilder(
                "| image | size (MB) | start to ready (s) | RSS after the loop (MiB) |\n" + "|---|---|---|---|\n");
        for (ServiceProcess service : running.values()) {
            service.image().ifPresent(image -> {
                try {
                    table.append("| voc-%s | %d | %.1f | %d |%n"
                            .formatted(
                                    service.name(),
                                    image.sizeMb(),
                                    service.readyAfter().toMillis() / 1000.0,
                                    image.rssMib()));
                } catch (RuntimeException e) {
                    table.append("| voc-%s | not measured: %s |%n".formatted(service.name(), e.getMessage()));
                }
            });
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
