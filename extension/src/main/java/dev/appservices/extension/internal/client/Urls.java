package dev.appservices.extension.internal.client;

import java.net.URI;

/** URL helpers shared by location and redirect handling. */
final class Urls {

    private Urls() {
    }

    /** The URL without trailing slashes, so that {@code /api/client/v2.0} can be appended (protocol.md §1). */
    static URI withoutTrailingSlash(URI url) {
        String text = url.toString();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return end == text.length() ? url : URI.create(text.substring(0, end));
    }
}
