package dev.appservices.it;

import dev.appservices.App;
import dev.appservices.extension.AppServicesExtension;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.bson.BsonValue;
import org.bson.codecs.record.RecordCodecProvider;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
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
 *
 * <p>Only the test JVM uses this class; it is never part of a deployment.
 */
public final class Deployments {

    /**
     * Configuration every {@link #appWar} gets unless the scenario sets the key itself: users are kept in memory, so
     * that no deployment writes a metadata store into the server user's home directory or finds one left by an
     * earlier run. Scenarios about the metadata store set {@code appservices.<id>.metadata.*}, which wins.
     */
    private static final Map<String, String> APP_DEFAULTS = Map.of("appservices.defaults.metadata.mode", "in-memory");

    /**
     * Classes of the jars an application brings to use App Services: the extension and the libraries it depends
     * on. The servers provide CDI, MicroProfile Config and Rest Client, Jakarta REST and JSON-B.
     */
    private static final List<Class<?>> LIBRARIES =
            List.of(AppServicesExtension.class, App.class, BsonValue.class, RecordCodecProvider.class);

    private static final String BEANS_XML_ALL = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee \
            https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                   version="4.0" bean-discovery-mode="all"/>
            """;

    private Deployments() {}

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

    /**
     * Creates an archive as {@link #war} does, for an application that uses App Services: its {@code WEB-INF/lib}
     * holds the extension, the API and the BSON libraries, taken from the test class path (the reactor's or the
     * local repository's jars), its configuration keeps users in memory unless {@code config} says otherwise, and it
     * has the {@link BackendProbe}.
     *
     * @param name    the archive name without {@code .war}; unique per test class
     * @param config  the MicroProfile Config entries of the application
     * @param classes the application classes to add
     * @return a new archive, which callers may extend further
     */
    public static WebArchive appWar(String name, Map<String, String> config, Class<?>... classes) {
        Map<String, String> effective = new HashMap<>(APP_DEFAULTS);
        effective.putAll(config);
        WebArchive war = war(name, effective, classes).addClass(BackendProbe.class);
        LIBRARIES.forEach(library -> war.addAsLibrary(jarOf(library)));
        return war;
    }

    /**
     * Adds to {@code war}'s {@code WEB-INF/lib} the jars of the given classes, taken from the test class path: for
     * test libraries that an in-container test itself uses, such as Awaitility.
     *
     * @param war   the archive
     * @param types one class of each jar to add
     * @return {@code war}
     */
    public static WebArchive withLibrariesOf(WebArchive war, Class<?>... types) {
        for (Class<?> type : types) {
            war.addAsLibrary(jarOf(type));
        }
        return war;
    }

    /**
     * The jar a class was loaded from. A directory (the module's {@code target/classes} when the reactor has not
     * packaged it) is turned into a jar, with its {@code META-INF/services} files, which the servers need to find
     * the extension and its ConfigSource.
     */
    private static JavaArchive jarOf(Class<?> type) {
        File location;
        try {
            location = new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
        }
        if (location.isDirectory()) {
            return ShrinkWrap.create(
                            ExplodedImporter.class, type.getSimpleName().toLowerCase(Locale.ROOT) + ".jar")
                    .importDirectory(location)
                    .as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, location);
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
