package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered object is a valid Kubernetes object with no unknown field (built-in kinds) or a valid custom resource.
 */
class RenderedObjectsTest {

    static Stream<Path> ciValues() {
        return Chart.ciValues().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void everyObjectIsValid(Path values) {
        List<ObjectNode> objects = new ArrayList<>(Chart.render(values));
        objects.addAll(Chart.renderHooks(values));
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : objects) {
            List<String> found;
            if (KubernetesModel.isBuiltIn(object)) {
                found = KubernetesModel.problems(object);
            } else if (CustomResources.isKnown(object)) {
                found = CustomResources.problems(object);
            } else {
                found = List.of("kind " + KubernetesModel.typeKey(object)
                        + " is neither in the fabric8 model list nor in crd-schemas.yaml");
            }
            found.forEach(p -> problems.add(Chart.id(object) + ": " + p));
            if (!Chart.NAMESPACE.equals(
                    object.path("metadata").path("namespace").asText())) {
                problems.add(Chart.id(object) + ": metadata.namespace must be the release namespace");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(objects.size() >= 25, "suspiciously few objects: " + objects.size());
    }
}
