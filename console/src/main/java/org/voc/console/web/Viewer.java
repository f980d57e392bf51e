package org.voc.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.voc.console.ConsoleConfig;

/**
 * Who looks at the page and in which language: the layout reads it ({@code inject:viewer}), and every page is
 * rendered in {@link #locale()}. The language is the one the user switched to (cookie {@value #COOKIE}), else the
 * best of the browser's Accept-Language the console speaks, else the configured default.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    public static final String COOKIE = "voc-lang";
    public static final List<String> LANGUAGES = List.of("en", "ru");

    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private final ConsoleConfig config;
    private String language;

    public Viewer(SecurityIdentity identity, HttpServerRequest request, ConsoleConfig config) {
        this.identity = identity;
        this.request = request;
        this.config = config;
    }

    /** The user's name (Keycloak's preferred_username); empty for an anonymous request. */
    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean loggedIn() {
        return !identity.isAnonymous();
    }

    /** ISO 639 code of the page's language: {@code en} or {@code ru}. */
    public String language() {
        if (language == null) {
            language = chosen();
        }
        return language;
    }

    public Locale locale() {
        return Locale.forLanguageTag(language());
    }

    /** The page's path and query, for the language switch to come back to. */
    public String path() {
        return request.uri();
    }

    /** The page rendered in the viewer's language. */
    public TemplateInstance localized(TemplateInstance page) {
        return page.setLocale(locale());
    }

    private String chosen() {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null && LANGUAGES.contains(cookie.getValue())) {
            return cookie.getValue();
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null && !accept.isBlank()) {
            try {
                String best = Locale.lookupTag(Locale.LanguageRange.parse(accept), LANGUAGES);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header asks for nothing: the default below
            }
        }
        return LANGUAGES.contains(config.defaultLanguage()) ? config.defaultLanguage() : "en";
    }
}
