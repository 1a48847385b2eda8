package dev.appservices.extension.internal.client;

import dev.appservices.BaseUrls;
import java.net.URI;
import java.util.Optional;

/**
 * A 301 or 308 answer, raised by {@link ErrorResponseMapper} out of the Rest Client call and caught by
 * {@link BackendRequests}, which follows it as protocol.md §1 describes. Never leaves the client. Carries no stack
 * trace: it is an expected outcome, not a failure.
 */
final class RedirectSignal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<URI> location;

    RedirectSignal(int status, String locationHeader) {
        super("redirect " + status, null, false, false);
        this.status = status;
        this.location = BaseUrls.parse(locationHeader);
    }

    int status() {
        return status;
    }

    /** The {@code Location} header as a base URL (trailing slashes removed), if it is an absolute http(s) URL. */
    Optional<URI> location() {
        return location;
    }
}
