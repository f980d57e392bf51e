package org.voc.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    private final List<ServiceProcess> running = new ArrayList<>();

    private final List<String> started;

    /** Every service gets a port, started or not, so each one's settings can name all the others. */
    private Suite(List<String> services) {
        ALL.forEach(name -> ports.put(name, ServiceProcess.freePort()));
        this.started = services;
    }

    /** Starts the named services and waits until every one is ready. */
    static Suite start(List<String> services) throws InterruptedException {
        Suite suite = new Suite(services);
        Path root = Path.of(System.getProperty("voc.repo.root", ".."));
        Path logs = Path.of(System.getProperty("voc.e2e.logs", "target/service-logs"));
        Map<String, String> settings = Map.of(
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
                suite.url("survey-service") + "/api/invitation-keys/jwks");
        try {
            for (String service : suite.started) {
                suite.running.add(ServiceProcess.start(service, suite.ports.get(service), root, logs, settings));
            }
            // Five JVMs start at once: on a loaded build machine that can take minutes (-Dvoc.e2e.ready-timeout=PT10M).
            Duration ready = Duration.parse(System.getProperty("voc.e2e.ready-timeout", "PT2M"));
            for (ServiceProcess service : suite.running) {
                service.awaitReady(ready);
            }
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    /** Base URL of a service of the suite (also of one not started: nothing answers there). */
    String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    @Override
    public void close() {
        running.forEach(ServiceProcess::close);
    }
}
