package org.voc.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * A browser without JavaScript (HtmlUnit) that logs in through Keycloak's real login form, as the Quarkus OIDC
 * guides test the code flow. The console's pages work without JavaScript, so this is also what a keyboard or
 * screen-reader user gets before any script runs.
 */
final class Browser implements AutoCloseable {

    final WebClient web = new WebClient();

    Browser() {
        web.getOptions().setJavaScriptEnabled(false);
        web.getOptions().setCssEnabled(false);
        web.getOptions().setRedirectEnabled(true);
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
    }

    Browser language(String acceptLanguage) {
        web.addRequestHeader("Accept-Language", acceptLanguage);
        return this;
    }

    /** Opens {@code url}, is sent to Keycloak, signs in as the demo user and lands on {@code url}. */
    HtmlPage logIn(URL url, String user) {
        HtmlPage login = open(url);
        HtmlForm form = login.getHtmlElementById("kc-form-login");
        form.getInputByName("username").setValue(user);
        form.getInputByName("password").setValue(user + "-demo");
        return click(login.getHtmlElementById("kc-login"));
    }

    HtmlPage open(URL url) {
        try {
            return web.getPage(url);
        } catch (IOException | FailingHttpStatusCodeException e) {
            throw new IllegalStateException("cannot open " + url, e);
        }
    }

    static HtmlPage click(HtmlElement element) {
        try {
            return element.click();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        web.close();
    }
}
