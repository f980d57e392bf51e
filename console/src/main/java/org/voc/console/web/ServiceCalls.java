package org.voc.console.web;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a call to a service and turns its failure into a {@link ServiceRefused} with the service's problem details,
 * so that pages can tell "not allowed", "not found", "someone changed it" and "unavailable" apart.
 */
public final class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    private ServiceCalls() {}

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            throw new ServiceRefused(service, response.getStatus(), problemOf(response), e);
        } catch (ProcessingException e) {
            LOG.warnf("%s could not be reached: %s", service, e.getMessage());
            throw new ServiceRefused(service, 0, null, e);
        }
    }

    private static Problem problemOf(Response response) {
        try {
            response.bufferEntity();
            return response.readEntity(Problem.class);
        } catch (RuntimeException notAProblem) {
            return null; // a body that is no problem document (a proxy's page): the status says enough
        }
    }
}
