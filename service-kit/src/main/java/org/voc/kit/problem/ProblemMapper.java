package org.voc.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.voc.kit.Failures;

/**
 * The one place where failures become RFC 9457 problem details, for every service alike: the status comes from the
 * kind of failure, every field at fault is named, a temporary refusal carries Retry-After, and nothing leaves as a
 * bare 500 or with a secret in {@code instance} (see {@link InstanceRedaction}).
 */
@Singleton
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final Map<Integer, String> HTTP_SLUGS = Map.of(
            400,
            Invalid.SLUG,
            404,
            "not-found",
            405,
            "method-not-allowed",
            406,
            "not-acceptable",
            413,
            "payload-too-large",
            415,
            "unsupported-media-type");

    /** How long to wait before retrying a request that met an unreachable database. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final Instance<InstanceRedaction> redaction;

    public ProblemMapper(Instance<InstanceRedaction> redaction) {
        this.redaction = redaction;
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Response.ResponseBuilder response =
                Response.status(status(e)).type(Problem.MEDIA_TYPE).entity(problem(e, path(uri)));
        if (e.retryAfter() != null) {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            response.header("Retry-After", Long.toString(seconds));
        }
        return response.build();
    }

    /** The problem details of a domain failure, e.g. for one item of a batch answered as a whole. */
    public static Problem problem(DomainException e, String instance) {
        return Problem.of(status(e), e.slug(), e.title(), e.getMessage(), instance, e.violations());
    }

    /** The HTTP status of a domain failure, for pages that answer it in HTML. */
    public static int status(DomainException e) {
        return switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case PRECONDITION_FAILED -> 412;
            case PAYLOAD_TOO_LARGE -> 413;
            case PRECONDITION_REQUIRED -> 428;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> errors = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .collect(Collectors.toList());
        return domain(Invalid.of(errors), uri);
    }

    /**
     * Declared for the exact type because quarkus-rest-jackson ships a mapper for it (plain JSON, no field path)
     * that would otherwise win over the more general one below.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : null;
        String message;
        if (e instanceof RefusedValue refused && field != null && !field.isEmpty()) {
            message = refused.getOriginalMessage();
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "must be one of " + List.of(format.getTargetType().getEnumConstants());
        } else if (field != null && !field.isEmpty()) {
            message = "has the wrong type or format";
        } else {
            return domain(Invalid.of("the body is not valid JSON: " + e.getOriginalMessage(), List.of()), uri);
        }
        return domain(Invalid.of(field + " " + message, List.of(new Violation(field, message))), uri);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(
                        401,
                        "unauthorized",
                        "Authentication required",
                        "a valid bearer token of the VoC realm is required",
                        path(uri),
                        List.of()))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(
                403,
                "forbidden",
                "Forbidden",
                "the token does not carry a role allowed to do this",
                path(uri),
                List.of()));
    }

    /** A unique key or reference taken by a concurrent request between our check and our insert. */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return respond(Problem.of(
                409,
                "conflict",
                "Conflict",
                "a concurrent change took a key or reference this request needs: read again and retry",
                path(uri),
                List.of()));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return respond(Problem.of(
                409,
                "concurrent-change",
                "Concurrent change",
                "the data was changed by a concurrent request: read it again and retry",
                path(uri),
                List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri); // a body the JSON reader could not even start on, e.g. cut short
        }
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(
                status,
                HTTP_SLUGS.getOrDefault(status, "http-" + status),
                title,
                e.getMessage(),
                path(uri),
                List.of()));
    }

    /**
     * Anything else. A known failure may arrive wrapped (by a transaction commit, an interceptor): the first one
     * found among the causes is answered as if it had been thrown alone.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain(domain, uri);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException constraint) {
                return constraint(constraint, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentChange((RuntimeException) cause, uri);
            }
        }
        if (Failures.isTransient(e)) {
            // The database (or broker) is away: nothing was done, and the same request will work once it is back.
            LOG.warnf("answering 503, a dependency is unreachable: %s", e.toString());
            return domain(new Unavailable("the service cannot reach its database right now", RETRY_AFTER), uri);
        }
        LOG.error("unexpected failure", e);
        return respond(Problem.of(
                500,
                "internal",
                "Internal error",
                "the request could not be completed; it has been logged",
                path(uri),
                List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private String path(UriInfo uri) {
        return uri == null ? null : instance(uri.getRequestUri().getRawPath());
    }

    /** The request path as a problem's {@code instance}: without the secrets an {@link InstanceRedaction} knows. */
    public String instance(String rawPath) {
        return rawPath == null || !redaction.isResolvable()
                ? rawPath
                : redaction.get().redact(rawPath);
    }

    /** {@code create.request.answers[0].score} → {@code answers[0].score}: drops the method and parameter nodes. */
    public static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER && !last) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.toString();
    }

    /** Jackson's path of references as {@code answers[0].score}. */
    public static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
