package dev.appservices;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for the URL of an App Services server: an absolute {@code http} or {@code https} URL with a host,
 * without user info, query or fragment, written without trailing slashes so that {@code /api/client/v2.0} can be
 * appended. {@link AppConfiguration.Builder#baseUrl(URI)} applies it to configured base URLs; the client applies it
 * to the hosts the location endpoint answers and to the targets of redirects, and the emulator's admin client to
 * the emulator's URL.
 *
 * <p>It lives in the API because {@link AppConfiguration} owns the rule; it is public so that the implementation
 * and the emulator use this rule instead of restating it.
 *
 * @since 0.1
 */
public final class BaseUrls {

    private BaseUrls() {}

    /**
     * Checks a server URL and removes its trailing slashes.
     *
     * @param url the URL
     * @return the URL without trailing slashes ({@code url} itself if it has none)
     * @throws NullPointerException if {@code url} is null
     * @throws IllegalArgumentException if the URL breaks the rule ({@code APPSVC0102}, naming the reason)
     */
    public static URI normalize(URI url) {
        ApiMessages.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))) {
            throw ApiMessages.invalidBaseUrl(url, "it must be an absolute http or https URL");
        }
        if (url.getHost() == null) {
            throw ApiMessages.invalidBaseUrl(url, "it has no host");
        }
        if (url.getRawUserInfo() != null) {
            throw ApiMessages.invalidBaseUrl(url, "it must not contain user info");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw ApiMessages.invalidBaseUrl(url, "it must not have a query or a fragment");
        }
        String text = url.toString();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return end == text.length() ? url : URI.create(text.substring(0, end));
    }

    /**
     * Reads a server URL from text that may come from the server itself, such as a {@code Location} header.
     *
     * @param text the text, surrounding white space ignored; may be null
     * @return the URL as {@link #normalize(URI)} returns it, or empty if the text is null, blank, not a URI or
     *         breaks the rule
     */
    public static Optional<URI> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(normalize(new URI(text.strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
