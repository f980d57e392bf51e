package org.voc.kit.commit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a group-commit writer is not running: every request it serves would wait and fail, so the pod
 * must leave the Service's endpoints rather than answer 503 to all of them.
 */
@Readiness
@ApplicationScoped
public class WriterHealth implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("group-commit writers").up();
        for (GroupCommit<?, ?> writer : GroupCommit.all()) {
            response.withData(writer.name(), writer.alive() ? "running" : "stopped");
            if (!writer.alive()) {
                response.down();
            }
        }
        return response.build();
    }
}
