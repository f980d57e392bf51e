package org.voc.touchpoint.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.input.StorableValues;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.Revisions;
import org.voc.kit.security.Roles;
import org.voc.touchpoint.domain.Channel;
import org.voc.touchpoint.domain.JourneyStage;
import org.voc.touchpoint.domain.SignalKind;
import org.voc.touchpoint.domain.Touchpoint;
import org.voc.touchpoint.domain.TouchpointChange;
import org.voc.touchpoint.domain.TouchpointCursor;
import org.voc.touchpoint.domain.TouchpointFilter;
import org.voc.touchpoint.domain.TouchpointImport;
import org.voc.touchpoint.domain.TouchpointService;
import org.voc.touchpoint.domain.TouchpointSort;
import org.voc.touchpoint.domain.TouchpointStatus;

/** Touchpoint master data over HTTP; business rules live in {@link TouchpointService}. */
@Path("/api/touchpoints")
@Tag(name = "Touchpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TouchpointResource {

    private final TouchpointService service;
    private final TouchpointImport importer;
    private final Actors actors;
    private final ImportFiles files;

    public TouchpointResource(TouchpointService service, TouchpointImport importer, Actors actors, ImportFiles files) {
        this.files = files;
        this.service = service;
        this.importer = importer;
        this.actors = actors;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Register a touchpoint", description = """
            Creates an ACTIVE touchpoint (unless a status is given) and publishes its state on voc.touchpoints. The \
            owner team need not be registered yet.""")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "card-delivery", value = Examples.TOUCHPOINT)))
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location and ETag headers are set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "created", value = Examples.TOUCHPOINT_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid, or the key is reserved (by-ref, import)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid channel", value = Examples.INVALID_CHANNEL)))
    @APIResponse(
            responseCode = "409",
            description =
                    "The key is already registered, or an external reference already resolves to another touchpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(@Valid @NotNull TouchpointRequest request) {
        if (request.key() == null) {
            throw Invalid.field("key", "must not be blank");
        }
        Touchpoint created = service.register(request.key(), request.toFields(), actors.current());
        return Response.created(URI.create("/api/touchpoints/" + created.key()))
                .tag(Revisions.etag(created.revision()))
                .entity(TouchpointView.of(created))
                .build();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Read a touchpoint by key",
            description = "The ETag header carries the revision to send as If-Match when updating.")
    @APIResponse(
            responseCode = "200",
            description = "The touchpoint",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "card-delivery", value = Examples.TOUCHPOINT_VIEW)))
    @APIResponse(
            responseCode = "404",
            description = "No touchpoint has this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@Parameter(example = "card-delivery") @PathParam("key") String key) {
        Touchpoint touchpoint = service.get(key);
        return Response.ok(TouchpointView.of(touchpoint))
                .tag(Revisions.etag(touchpoint.revision()))
                .build();
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Change a touchpoint", description = """
            Replaces every field (the key never changes). Retiring is `status: RETIRED`; nothing is ever deleted. A \
            body equal to the current state creates no revision.""")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "retire", value = Examples.TOUCHPOINT_RETIREMENT)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is returned",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "changed", value = Examples.TOUCHPOINT_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "A field is invalid, or the body names another key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No touchpoint has this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "An external reference already resolves to another touchpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response change(
            @PathParam("key") String key,
            @Parameter(description = "ETag of the revision the change is based on", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull TouchpointRequest request) {
        Preconditions.sameKey(key, request.key());
        Touchpoint changed = service.change(key, Revisions.expected(ifMatch), request.toFields(), actors.current());
        return Response.ok(TouchpointView.of(changed))
                .tag(Revisions.etag(changed.revision()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST, Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "List touchpoints", description = """
            Filtered and sorted, keyset-paginated: pass the nextCursor of a page as `after` to read the next page \
            (with the same filters and sort). Inserts made meanwhile never make a page skip or repeat an item. `total` \
            counts every match.""")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = Examples.TOUCHPOINT_PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "A filter, the sort or the cursor has an unknown value",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TouchpointPage list(
            @Parameter(example = "BRANCH") @QueryParam("channel") String channel,
            @Parameter(example = "ONBOARDING") @QueryParam("journeyStage") String journeyStage,
            @Parameter(example = "RETAIL") @QueryParam("segment") String segment,
            @Parameter(example = "DIRECT") @QueryParam("signalKind") String signalKind,
            @Parameter(example = "cards-ops") @QueryParam("ownerTeam") String ownerTeam,
            @Parameter(example = "ACTIVE") @QueryParam("status") String status,
            @Parameter(example = "kyc") @QueryParam("tag") String tag,
            @Parameter(description = "Case-insensitive text searched in key, name and description", example = "card")
                    @QueryParam("q")
                    String text,
            @Parameter(description = "key, -key, name, -name, updatedAt or -updatedAt", example = "name")
                    @QueryParam("sort")
                    @DefaultValue("key")
                    String sort,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(example = "50") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        TouchpointSort order = TouchpointSort.of(sort);
        if (order == null) {
            throw Invalid.field("sort", "must be one of key, -key, name, -name, updatedAt, -updatedAt");
        }
        TouchpointFilter filter = new TouchpointFilter(
                parse(Channel.class, channel, "channel"),
                parse(JourneyStage.class, journeyStage, "journeyStage"),
                blankToNull(segment),
                blankToNull(ownerTeam),
                parse(TouchpointStatus.class, status, "status"),
                parse(SignalKind.class, signalKind, "signalKind"),
                blankToNull(tag),
                blankToNull(text));
        List<Touchpoint> page = service.list(filter, order, position(order, after), limit);
        String next = page.size() == limit ? cursor(order, page.get(page.size() - 1)) : null;
        return new TouchpointPage(page.stream().map(TouchpointView::of).toList(), next, service.count(filter));
    }

    @GET
    @Path("/by-ref")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST, Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "Resolve an external event to its touchpoint", description = """
            The touchpoint whose externalRefs hold this system and reference: one indexed lookup, meant for the \
            interaction hot path. Callers should cache the answer (Cache-Control says for how long) and may revalidate \
            with the ETag.""")
    @APIResponse(
            responseCode = "200",
            description = "The touchpoint",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "card-delivery", value = Examples.TOUCHPOINT_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "system or ref is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No touchpoint holds this reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response resolve(
            @Parameter(example = "crm") @QueryParam("system") String system,
            @Parameter(example = "card.delivered") @QueryParam("ref") String ref) {
        if (system == null || system.isBlank()) {
            throw Invalid.field("system", "must not be blank");
        }
        if (ref == null || ref.isBlank()) {
            throw Invalid.field("ref", "must not be blank");
        }
        Touchpoint touchpoint = service.resolve(system, ref);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(60);
        return Response.ok(TouchpointView.of(touchpoint))
                .tag(Revisions.etag(touchpoint.revision()))
                .cacheControl(cache)
                .build();
    }

    @GET
    @Path("/{key}/history")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST})
    @Operation(summary = "History of a touchpoint", description = """
            Who changed what and when, newest first: one entry per revision, with the token subject and user name of \
            the author and each changed field's old and new value.""")
    @APIResponse(
            responseCode = "200",
            description = "One page of entries",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "history", value = Examples.TOUCHPOINT_HISTORY)))
    @APIResponse(
            responseCode = "400",
            description = "The cursor is not a revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No touchpoint has this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public HistoryPage history(
            @Parameter(example = "card-delivery") @PathParam("key") String key,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(example = "50") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        Long before = null;
        if (after != null && !after.isBlank()) {
            try {
                before = Long.parseLong(after);
            } catch (NumberFormatException e) {
                throw Invalid.field("after", "must be a nextCursor returned by this operation");
            }
        }
        List<TouchpointChange> page = service.history(key, before, limit);
        String next =
                page.size() == limit ? Long.toString(page.get(page.size() - 1).revision()) : null;
        return new HistoryPage(page.stream().map(HistoryPage.Entry::of).toList(), next);
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Import a touchpoint audit (CSV or JSON)", description = """
            Upserts touchpoints by key from a CSV file (header row; lists separated by `|`; \
            externalRefs as `system:ref`;
            journeys as `journeyKey/Stage name`) or a JSON array of touchpoint bodies (plus `journeys`). `mode=dry-run`
            (the default) only validates and reports, row by row; `mode=apply` writes the whole file in one transaction,
            or nothing at all when any row is invalid. Rows equal to the stored touchpoint create no revision.
            Row numbers are spreadsheet rows for CSV (the header is row 1) and 1-based positions for JSON.""")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING, description = "At most 10,000 rows and 10 MiB"),
                        examples = @ExampleObject(name = "csv", value = Examples.IMPORT_CSV)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema =
                                @Schema(
                                        type = SchemaType.ARRAY,
                                        implementation = TouchpointRequest.class,
                                        maxItems = TouchpointImport.MAX_ROWS,
                                        description = "Touchpoint bodies, each with an optional journeys list "
                                                + "(journeyKey/Stage name); at most 10 MiB"),
                        examples = @ExampleObject(name = "json", value = Examples.IMPORT_JSON))
            })
    @APIResponse(
            responseCode = "200",
            description = "The validation report; with mode=apply, the file was applied",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "report", value = Examples.IMPORT_REPORT)))
    @APIResponse(
            responseCode = "400",
            description =
                    "The file cannot be read at all (no header, unknown column, not a JSON array) or mode is unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "A touchpoint of the file was changed concurrently; nothing was applied",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "413",
            description = "More rows than one import takes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "415",
            description = "Neither text/csv nor application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "422",
            description = "mode=apply and some rows are invalid: nothing was applied, the report names each error",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "report", value = Examples.IMPORT_REPORT)))
    public Response importAudit(
            @Parameter(description = "dry-run or apply", example = "dry-run")
                    @QueryParam("mode")
                    @DefaultValue("dry-run")
                    String mode,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            String file) {
        boolean apply = switch (mode) {
            case "dry-run" -> false;
            case "apply" -> true;
            default -> throw Invalid.field("mode", "must be dry-run or apply");
        };
        List<TouchpointImport.Row> rows =
                contentType != null && contentType.toLowerCase().startsWith("text/csv")
                        ? files.csv(file == null ? "" : file)
                        : files.json(file == null ? "" : file);
        TouchpointImport.Report report = importer.run(rows, apply, actors.current());
        int status = apply && !report.applied() ? 422 : 200;
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(report)
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Key order keeps the plain key as its cursor (as before sorting existed); other orders carry value and key. */
    private static String cursor(TouchpointSort sort, Touchpoint last) {
        return switch (sort) {
            case KEY, KEY_DESC -> last.key();
            case NAME, NAME_DESC -> encode(last.name(), last.key());
            case UPDATED, UPDATED_DESC -> encode(last.updatedAt().toString(), last.key());
        };
    }

    private static String encode(String value, String key) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((value + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static TouchpointCursor position(TouchpointSort sort, String after) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        if (sort == TouchpointSort.KEY || sort == TouchpointSort.KEY_DESC) {
            return new TouchpointCursor(after, after);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            int split = decoded.lastIndexOf('\u0000');
            String value = decoded.substring(0, split);
            String key = decoded.substring(split + 1);
            boolean byName = sort == TouchpointSort.NAME || sort == TouchpointSort.NAME_DESC;
            // A forged cursor must not reach PostgreSQL with text or a time it cannot compare.
            if (value.indexOf('\u0000') >= 0 || !byName && !StorableValues.storable(Instant.parse(value))) {
                throw new IllegalArgumentException("not a cursor of ours");
            }
            return new TouchpointCursor(byName ? value : Instant.parse(value), key);
        } catch (RuntimeException e) {
            throw Invalid.field("after", "must be a nextCursor returned with the same sort");
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw Invalid.field(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }
}
