package org.voc.console.web;

/**
 * A service answered a call of the console with an error, or did not answer. The console shows its own page for it
 * ({@link ServiceFailurePages}) instead of failing with a 500.
 */
public class ServiceRefused extends RuntimeException {

    private final String service;
    private final int status;
    private final transient Problem problem;

    public ServiceRefused(String service, int status, Problem problem, Throwable cause) {
        super(service + " answered " + status, cause);
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    public String service() {
        return service;
    }

    /** The service's HTTP status; 0 when it could not be reached. */
    public int status() {
        return status;
    }

    /** The problem the service gave, when it gave one. */
    public Problem problem() {
        return problem;
    }

    public boolean unreachable() {
        return status == 0;
    }
}
