package dev.appservices.extension.cdi.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The JDK's own explanation of an invalid value, as our messages quote it. The JDK owns that text and changes it
 * between releases, so tests ask the running JDK for it instead of spelling it out.
 */
public final class JdkReasons {

    private JdkReasons() {}

    /**
     * Why {@code value} is not a URI, as APPSVC0131 quotes it.
     *
     * @param value a string that is not a URI
     * @return the reason and the index, "... at index N"
     */
    public static String notAUri(String value) {
        try {
            new URI(value);
        } catch (URISyntaxException e) {
            return e.getReason() + " at index " + e.getIndex();
        }
        throw new AssertionError("'" + value + "' is a URI");
    }

    /**
     * Why {@code value} is not a path, as APPSVC0138 quotes it.
     *
     * @param value a string that is not a path
     * @return the JDK's message
     */
    public static String notAPath(String value) {
        try {
            Path.of(value);
        } catch (InvalidPathException e) {
            return e.getMessage();
        }
        throw new AssertionError("'" + value + "' is a path");
    }
}
