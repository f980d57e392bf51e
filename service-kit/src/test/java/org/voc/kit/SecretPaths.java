package org.voc.kit;

import jakarta.enterprise.context.ApplicationScoped;
import org.voc.kit.problem.InstanceRedaction;

/** The test application's secret-bearing paths, as response-service has its invitation links. */
@ApplicationScoped
public class SecretPaths implements InstanceRedaction {

    @Override
    public String redact(String rawPath) {
        return rawPath.startsWith("/kit/secret/") ? "/kit/secret/{token}" : rawPath;
    }
}
