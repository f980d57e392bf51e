package org.voc.response.verbatims.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.paging.PageCursor;
import org.voc.kit.paging.PageLimit;
import org.voc.kit.privacy.Disclosure;
import org.voc.kit.privacy.Privacy;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.response.verbatims.domain.VerbatimFilter;
import org.voc.response.verbatims.domain.VerbatimSearch;

/**
 * Search and export of stored responses for analysts (docs/verbatims.md). Reads only: the same path as intake
 * ({@code /api/responses}), because what it lists are the responses that intake stores.
 */
@Path("/api/responses")
@Tag(name = "Verbatims")
public class VerbatimResource {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    private static final String FILTERS =
            "Filters combine with AND; blank ones are ignored. respondedAt bounds the" + " time range. ";
    private static final String PII = "customerRef is a pseudonym (pn-…) and free texts are masked ([email], [phone],"
            + " [number]) unless the caller holds voc-pii; an erased response shows erased: true, no customer and no"
            + " texts. ";

    private final VerbatimSearch search;
    private final Privacy privacy;
    private final ObjectMapper json;

    public VerbatimResource(VerbatimSearch search, Privacy privacy, ObjectMapper json) {
        this.search = search;
        this.privacy = privacy;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(
            summary = "Search responses",
            description = "Newest first (by respondedAt, then id), keyset-paginated: pass the nextCursor of a page as"
                    + " `after` for the next one; responses stored meanwhile never shift a page. "
                    + FILTERS
                    + PII
                    + "A text search without voc-pii matches the masked texts, so a page may hold fewer than"
                    + " `limit` items while nextCursor is set: follow it until it is null.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = Examples.PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "A filter, the cursor or the limit is invalid; errors[].field names each query parameter",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "scores crossed", value = Examples.BAD_FILTER)))
    public VerbatimPage list(
            @BeanParam VerbatimQuery query,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50") @QueryParam("limit")
                    String limit) {
        VerbatimFilter filter = query.filter();
        int size = PageLimit.parse(limit);
        PageCursor.Position position = PageCursor.decode(after);
        Disclosure disclosure = privacy.forCaller();
        VerbatimSearch.Page page = search.page(filter, position, size, disclosure);
        String next = page.next() == null
                ? null
                : PageCursor.encode(page.next().at(), page.next().id());
        return new VerbatimPage(
                page.items().stream().map(v -> VerbatimView.of(v, disclosure)).toList(), next);
    }

    @GET
    @Path("/export")
    @Produces({CSV, NDJSON})
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(
            summary = "Export responses",
            description = "Every response the filters select, newest first, streamed as it is read (no size limit,"
                    + " constant memory on the server). " + FILTERS + PII
                    + "CSV (RFC 4180, UTF-8, CRLF, a header line): one row per response; with surveyId one column per"
                    + " question of that survey (`answer.<questionId>`: a score, a text, or option ids joined by `;`),"
                    + " otherwise one `answers` column with a JSON object by question id. A text cell starting with"
                    + " =, +, -, @, TAB or CR is prefixed with ' so that spreadsheets do not run it. NDJSON: one"
                    + " search item per line. A failure midway cannot change the status already sent: the body"
                    + " stops early.")
    @APIResponse(
            responseCode = "200",
            description = "The export, as an attachment",
            content = {
                @Content(mediaType = CSV, examples = @ExampleObject(name = "csv", value = Examples.CSV)),
                @Content(mediaType = NDJSON, examples = @ExampleObject(name = "ndjson", value = Examples.NDJSON))
            })
    @APIResponse(
            responseCode = "400",
            description = "A filter or the format is invalid; errors[].field names each query parameter",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown format", value = Examples.BAD_FORMAT)))
    public Response export(
            @BeanParam VerbatimQuery query,
            @Parameter(
                            description = "csv or ndjson; when absent the Accept header decides (text/csv or"
                                    + " application/x-ndjson), CSV by default",
                            example = "csv")
                    @QueryParam("format")
                    String format,
            @Parameter(in = ParameterIn.HEADER, hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        VerbatimFilter filter = query.filter();
        boolean ndjson = ndjson(format, accept);
        // Decided now, on the request: the body is written after this method returns.
        Disclosure disclosure = privacy.forCaller();
        String name = "responses-"
                + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "")
                + (ndjson ? ".ndjson" : ".csv");
        Response.ResponseBuilder answer;
        if (ndjson) {
            answer = Response.ok(Export.ndjson(search, filter, disclosure, json), NDJSON + ";charset=UTF-8");
        } else {
            Map<String, String> questions =
                    filter.surveyId() == null ? Map.of() : search.questions(filter.surveyId(), filter.surveyVersion());
            answer = Response.ok(Export.csv(search, filter, disclosure, questions, json), CSV + ";charset=UTF-8");
        }
        return answer.header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    /** {@code format} wins; without it an Accept header that names NDJSON (and not CSV first) picks it. */
    private static boolean ndjson(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> false;
                case "ndjson" -> true;
                default -> throw Invalid.field("format", "must be csv or ndjson");
            };
        }
        if (accept == null) {
            return false;
        }
        int nd = accept.toLowerCase(Locale.ROOT).indexOf(NDJSON);
        int csv = accept.toLowerCase(Locale.ROOT).indexOf(CSV);
        return nd >= 0 && (csv < 0 || nd < csv);
    }
}
