package org.voc.console.web;

import io.quarkus.qute.TemplateGlobal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the browser libraries, set once in the POM, for the pages' /webjars paths. */
@TemplateGlobal
public final class Versions {

    private static final Properties VERSIONS = load();

    /** Apache ECharts, {@code /webjars/echarts/{echarts}/dist/echarts.min.js}. */
    static final String echarts = VERSIONS.getProperty("echarts");

    /** htmx, {@code /webjars/htmx.org/{htmx}/dist/htmx.min.js}. */
    static final String htmx = VERSIONS.getProperty("htmx");

    private Versions() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/console-versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("console-versions.properties is missing from the classpath");
            }
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
