package org.voc.kit;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.Gone;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.PayloadTooLarge;
import org.voc.kit.problem.Revisions;
import org.voc.kit.problem.TooManyRequests;
import org.voc.kit.problem.Unavailable;
import org.voc.kit.problem.Violation;

/** Endpoints that fail in every way a service can, for the problem mapper's test. */
@Path("/kit")
@PermitAll
public class ProblemResource {

    public record Body(@NotBlank String name, @Max(10) int score) {}

    public record Times(String note, java.time.Instant at, java.time.LocalDate day) {}

    @POST
    @Path("/times")
    @Consumes(MediaType.APPLICATION_JSON)
    public String times(Times times) {
        return times.note();
    }

    @GET
    @Path("/items")
    public String items(
            @jakarta.ws.rs.QueryParam("customerRef") String customerRef,
            @jakarta.ws.rs.QueryParam("after") String after) {
        org.voc.kit.paging.PageCursor.decode(after);
        return customerRef;
    }

    @GET
    @Path("/items/{key}")
    public String item(@PathParam("key") String key) {
        return key;
    }

    @GET
    @Path("/fail/{kind}")
    public String fail(@PathParam("kind") String kind) {
        throw switch (kind) {
            case "invalid" -> Invalid.of(List.of(new Violation("a", "is wrong"), new Violation("b[0].c", "too big")));
            case "not-found" -> NotFound.of("Survey", "42");
            case "conflict" -> Conflict.of("Id already used", "item 7 was sent with another body", "id");
            case "gone" -> new Gone("invitation-expired", "Invitation expired", "it expired", null);
            case "too-large" -> new PayloadTooLarge("too-many-rows", "Too many rows", "at most 5", null);
            case "unavailable" -> new Unavailable("queue full", Duration.ofMillis(1500));
            case "rate-limited" -> new TooManyRequests("slow down", Duration.ofSeconds(7));
            case "optimistic" -> new OptimisticLockException("changed");
            case "wrapped" -> new IllegalStateException("wrapper", NotFound.of("Case", "9"));
            case "bug" -> new IllegalStateException("a bug");
            case "db-down" ->
                new jakarta.persistence.PersistenceException(
                        new java.sql.SQLTransientConnectionException("Connection refused", "08001"));
            default -> new IllegalArgumentException(kind);
        };
    }

    @POST
    @Path("/if-match")
    public long ifMatch(@jakarta.ws.rs.HeaderParam("If-Match") String ifMatch) {
        long expected = Revisions.expected(ifMatch);
        if (expected != 3) {
            throw Revisions.stale("Item", "x", 3, expected);
        }
        return expected;
    }

    @POST
    @Path("/body")
    @Consumes(MediaType.APPLICATION_JSON)
    public String body(@Valid Body body) {
        return body.name();
    }

    /** Inserts the same key twice: the second insert breaks the primary key, as a concurrent request would. */
    @POST
    @Path("/duplicate")
    @Transactional
    public void duplicate() {
        UUID id = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            KitItem item = new KitItem();
            item.id = id;
            item.name = "twice";
            item.persist();
            KitItem.flush();
            KitItem.getEntityManager().detach(item);
        }
    }

    @GET
    @Path("/secret/{token}")
    public String secret(@PathParam("token") String token) {
        throw NotFound.of("Invitation", "behind this link");
    }
}
