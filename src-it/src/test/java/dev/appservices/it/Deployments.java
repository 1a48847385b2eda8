package dev.appservices.it;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the web archives that the integration tests deploy, in the style of the MicroProfile TCKs: everything the
 * application sees, including its {@code microprofile-config.properties}, is decided in the {@code @Deployment}
 * method. That method runs in the test JVM, so values known only there (such as the URL of a backend the test
 * started on a free port) reach the server through the archive.
 *
 * <p>Every archive carries a {@code beans.xml} with {@code bean-discovery-mode="all"}: with an empty one CDI 4 only
 * discovers annotated beans, and the Arquillian test class, which is added to the archive for in-container tests,
 * would then not be a bean.
 */
public final class Deployments {

    private static final String BEANS_XML_ALL = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee \
            https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                   version="4.0" bean-discovery-mode="all"/>
            """;

    private Deployments() {
    }

    /**
     * Creates {@code <name>.war} (deployed under the context root {@code /<name>}) holding the given classes, a
     * {@code beans.xml} that discovers all beans and {@code META-INF/microprofile-config.properties} with the
     * given entries.
     *
     * @param name    the archive name without {@code .war}; unique per test class
     * @param config  the MicroProfile Config entries of the application, possibly empty
     * @param classes the application classes to add
     * @return a new archive, which callers may extend further
     */
    public static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(classes, "classes");
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsWebInfResource(new StringAsset(BEANS_XML_ALL), "beans.xml")
                .addAsResource(new StringAsset(propertiesText(config)), "META-INF/microprofile-config.properties");
    }

    /** Writes the entries with {@link Properties#store}, which escapes keys and values as the format requires. */
    private static String propertiesText(Map<String, String> config) {
        Properties properties = new Properties();
        properties.putAll(config);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
