package org.voc.console.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The language switch: remembers the choice in a cookie for a year and goes back to the page it came from. */
@Path("/language")
public class LanguageResource {

    private static final int ONE_YEAR = 365 * 24 * 3600;

    @GET
    public Response choose(@QueryParam("lang") String lang, @QueryParam("back") String back) {
        Response.ResponseBuilder answer = Response.seeOther(URI.create(local(back)));
        if (lang != null && Viewer.LANGUAGES.contains(lang)) {
            answer.cookie(new NewCookie.Builder(Viewer.COOKIE)
                    .value(lang)
                    .path("/")
                    .maxAge(ONE_YEAR)
                    .httpOnly(true)
                    .sameSite(NewCookie.SameSite.LAX)
                    .build());
        }
        return answer.build();
    }

    /** Only a path of the console itself: {@code back} must not send the user to another site. */
    static String local(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return "/";
        }
        return back;
    }
}
