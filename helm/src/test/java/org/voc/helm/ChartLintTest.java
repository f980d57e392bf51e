package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart lints strictly and renders with every values set under helm/ci/. */
class ChartLintTest {

    static Stream<Path> ciValues() {
        return Chart.ciValues().stream();
    }

    @Test
    void lintsStrictly() {
        LintResult result = new Helm(Chart.chartDir()).lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
        assertTrue(
                result.getMessages().stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")),
                () -> "helm lint --strict reported: " + result.getMessages());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void rendersEveryService(Path values) {
        String manifests = Chart.template(List.of(values), java.util.Map.of());
        Chart.writeForInspection(values, manifests);
        List<ObjectNode> objects = Chart.parse(manifests);
        for (String service : Chart.SERVICES) {
            String name = Chart.RELEASE + "-" + service;
            Chart.named(objects, "Deployment", name);
            Chart.named(objects, "Service", name);
            Chart.named(objects, "ConfigMap", name);
            Chart.named(objects, "ServiceAccount", name);
            Chart.named(objects, "PodDisruptionBudget", name);
        }
        Chart.named(Chart.renderHooks(values), "Pod", Chart.RELEASE + "-test-ready");
    }
}
