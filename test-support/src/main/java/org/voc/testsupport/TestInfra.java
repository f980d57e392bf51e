package org.voc.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the test infrastructure started by {@code ./voc test} listens. The same environment variables configure
 * the services, so tests and the application under test always talk to the same servers.
 */
public final class TestInfra {

    private TestInfra() {}

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static String kafkaBootstrap() {
        return env("VOC_KAFKA_BOOTSTRAP", "localhost:19092");
    }

    public static String oidcUrl() {
        return env("VOC_OIDC_URL", "http://localhost:18180/realms/voc");
    }

    /** PID of the Kafka broker the test infrastructure started, for tests that make Kafka fail for real. */
    public static long kafkaPid() {
        String pidFile = System.getenv("VOC_KAFKA_PID_FILE");
        if (pidFile == null) {
            throw new IllegalStateException("VOC_KAFKA_PID_FILE is not set: run the tests with ./voc test");
        }
        try {
            return Long.parseLong(Files.readString(Path.of(pidFile)).trim());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Kafka PID file " + pidFile, e);
        }
    }
}
