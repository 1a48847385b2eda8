package dev.appservices.extension.internal.client;

import dev.appservices.AppServicesException;
import dev.appservices.AuthEvent;
import dev.appservices.UserState;
import dev.appservices.extension.internal.client.rest.AccessTokenResponse;
import dev.appservices.extension.internal.client.rest.AppServicesApi;
import dev.appservices.extension.internal.metadata.StoredUser;
import dev.appservices.extension.internal.telemetry.Telemetry;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one path of every request made on behalf of a user (protocol.md §4, §5), with the access token or the refresh
 * token as bearer, and the owner of the session's life: refresh, session end and logout.
 *
 * <ul>
 * <li><b>Access-token requests</b> (profile, functions, user deletion…): an access token within
 * {@link #refreshSkew(Jwt) the skew} of its {@code exp} is refreshed first; an HTTP 401 answer causes one refresh
 * and one retry (a second 401 is the caller's error).</li>
 * <li><b>Single flight:</b> one refresh request at a time per user; requests that need a refresh meanwhile wait for
 * it, and a request whose 401 came with a token that has been replaced since uses the new token without another
 * refresh. N concurrent requests on an expired token make one {@code POST /auth/session}.</li>
 * <li><b>Session end:</b> a 401 on the refresh itself means the refresh token is dead: the user is logged out
 * locally, {@link AuthEvent.Type#SESSION_EXPIRED} is fired and {@link dev.appservices.SessionExpiredException} is
 * thrown. Other refresh failures (network, 5xx) leave the session alone.</li>
 * <li><b>Refresh-token requests</b> (API keys): a 401 logs the user out, as the SDKs do.</li>
 * </ul>
 *
 * <p>Thread-safe; lives as long as its App.
 */
final class SessionManager {

    /** Which token a request carries. */
    enum Bearer {
        ACCESS_TOKEN,
        REFRESH_TOKEN
    }

    /**
     * The longest time before its {@code exp} at which an access token is refreshed proactively. The skew is at most
     * a quarter of the token's lifetime ({@code exp - iat}), so that short-lived tokens (an app may issue tokens of a
     * few seconds) are still used for most of their life instead of being refreshed at every request.
     */
    static final Duration MAX_REFRESH_SKEW = Duration.ofSeconds(10);

    static final Request REFRESH_ENDPOINT = Endpoint.REFRESH_SESSION.request();
    static final Request LOGOUT_ENDPOINT = Endpoint.LOG_OUT.request();

    private static final Logger LOG = System.getLogger(SessionManager.class.getName());
    private static final String BEARER = "Bearer ";

    private final String appId;
    private final BackendRequests requests;
    private final LocalUsers users;
    private final AuthEvents events;
    private final SingleFlight<String, String> refreshes = new SingleFlight<>();
    private final Supplier<Telemetry> telemetry;

    /** What expiry and refresh times are compared with; tests move it instead of waiting for tokens to expire. */
    private volatile Clock clock = Clock.systemUTC();

    /**
     * When each user's access token is due for a proactive refresh, kept with the token it was computed from: decoding
     * the token's payload at every request was a tenth of what a function call allocated (docs/benchmarks.adoc). An
     * entry is replaced when the user's token changes and removed when its session ends here.
     */
    private final ConcurrentMap<String, RefreshDue> refreshDue = new ConcurrentHashMap<>();

    /** The moment {@code token} comes within the refresh skew of its expiry; empty without a readable expiry. */
    private record RefreshDue(String token, Optional<Instant> at) {}

    SessionManager(
            String appId,
            BackendRequests requests,
            LocalUsers users,
            AuthEvents events,
            Supplier<Telemetry> telemetry) {
        this.appId = appId;
        this.telemetry = telemetry;
        this.requests = requests;
        this.users = users;
        this.events = events;
    }

    /**
     * Sends a request on behalf of a user.
     *
     * @param userId   the user
     * @param bearer   the token the request carries
     * @param endpoint the request as messages name it
     * @param call     the Rest Client call, given the client and the {@code Authorization} value; it may run twice
     * @return what the call returned
     * @throws AppServicesException {@code CLIENT_USER_NOT_LOGGED_IN} if the user is not logged in, and every
     *         exception of {@link BackendRequests#send}
     * @throws dev.appservices.SessionExpiredException if a refresh found the session ended
     */
    <T> T send(String userId, Bearer bearer, Request endpoint, BiFunction<AppServicesApi, String, T> call) {
        return bearer == Bearer.ACCESS_TOKEN
                ? withAccessToken(userId, endpoint, call, requests::send)
                : withRefreshToken(userId, endpoint, call);
    }

    /** Judges token expiry by {@code clock} from now on (tests; the system clock otherwise). */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** Whether the token is within the refresh skew of its expiry (or past it) by this App's clock. */
    boolean expiresSoon(Jwt token) {
        return expiresSoon(token, clock.instant());
    }

    /**
     * Sends a request with the access token whose response is a stream ({@link BackendRequests#sendStreaming}), with
     * the same refresh and retry as {@link #send}.
     */
    <T> T sendStreaming(String userId, Request endpoint, BiFunction<AppServicesApi, String, T> call) {
        return withAccessToken(userId, endpoint, call, requests::sendStreaming);
    }

    /**
     * Refreshes the user's access token now (joining a refresh already running).
     *
     * @return the new access token
     */
    String refresh(String userId) {
        return refreshUnlessReplaced(userId, null, REFRESH_ENDPOINT.description());
    }

    /**
     * Logs a user out: locally first (tokens dropped; anonymous users removed), then the server session is revoked
     * with {@code DELETE /auth/session}, best effort: a failure is logged, never thrown, so this works offline.
     *
     * @return whether the user was logged in
     */
    boolean logOut(String userId) {
        Optional<StoredUser> before = users.logOut(userId);
        if (before.isEmpty()) {
            return false;
        }
        refreshDue.remove(userId);
        fireLoggedOut(AuthEvent.Type.LOGGED_OUT, userId);
        revoke(userId, before.get());
        return true;
    }

    /** Fires the event of a local logout and, for an anonymous user (whom logout removes), {@code REMOVED}. */
    private void fireLoggedOut(AuthEvent.Type type, String userId) {
        DefaultUser user = users.object(userId);
        events.fire(type, user);
        if (user.state() == UserState.REMOVED) {
            events.fire(AuthEvent.Type.REMOVED, user);
        }
    }

    /** Ends the server session of a user that is already logged out or removed locally; best effort. */
    void revoke(String userId, StoredUser before) {
        refreshDue.remove(userId);
        Optional<String> refreshToken = before.refreshToken();
        if (refreshToken.isEmpty()) {
            return;
        }
        try {
            requests.send(LOGOUT_ENDPOINT, api -> {
                api.logOut(BEARER + refreshToken.get());
                return null;
            });
        } catch (AppServicesException e) {
            LOG.log(Level.WARNING, ClientMessages.serverLogoutFailed(appId, userId), e);
        }
    }

    /** How a request reaches the server: {@link BackendRequests#send} or {@link BackendRequests#sendStreaming}. */
    private interface Transport {
        <T> T send(Request endpoint, Function<AppServicesApi, T> call);
    }

    private <T> T withAccessToken(
            String userId, Request endpoint, BiFunction<AppServicesApi, String, T> call, Transport transport) {
        String token = token(userId, Bearer.ACCESS_TOKEN, endpoint.description());
        if (isPast(refreshDue(userId, token).at())) {
            token = refreshUnlessReplaced(userId, token, endpoint.description());
        }
        String used = token;
        try {
            return transport.send(endpoint, api -> call.apply(api, BEARER + used));
        } catch (AppServicesException e) {
            if (!unauthorized(e)) {
                throw e;
            }
            String refreshed = refreshUnlessReplaced(userId, used, endpoint.description());
            return transport.send(endpoint, api -> call.apply(api, BEARER + refreshed));
        }
    }

    private <T> T withRefreshToken(String userId, Request endpoint, BiFunction<AppServicesApi, String, T> call) {
        String token = token(userId, Bearer.REFRESH_TOKEN, endpoint.description());
        try {
            return requests.send(endpoint, api -> call.apply(api, BEARER + token));
        } catch (AppServicesException e) {
            if (unauthorized(e)) {
                LOG.log(Level.WARNING, ClientMessages.refreshTokenRefused(appId, userId, endpoint.description()));
                logOut(userId);
            }
            throw e;
        }
    }

    /**
     * The single-flight refresh: returns the stored access token without a request if it is no longer
     * {@code staleToken} (another request refreshed it), joins a refresh in progress, or refreshes.
     *
     * @param staleToken the token that was refused or is about to expire; {@code null} to refresh in any case
     */
    private String refreshUnlessReplaced(String userId, String staleToken, String endpoint) {
        // Checked again inside: a refresh may have completed between this check and the claim.
        return replacement(userId, staleToken, endpoint)
                .orElseGet(() -> refreshes.run(
                        userId,
                        () -> replacement(userId, staleToken, endpoint).orElseGet(() -> refreshNow(userId, endpoint))));
    }

    private Optional<String> replacement(String userId, String staleToken, String endpoint) {
        String current = token(userId, Bearer.ACCESS_TOKEN, endpoint);
        return staleToken != null && !current.equals(staleToken) ? Optional.of(current) : Optional.empty();
    }

    private String refreshNow(String userId, String endpoint) {
        String refreshToken = token(userId, Bearer.REFRESH_TOKEN, endpoint);
        AccessTokenResponse response;
        try {
            response = requests.send(REFRESH_ENDPOINT, api -> api.refreshSession(BEARER + refreshToken));
        } catch (AppServicesException e) {
            if (unauthorized(e)) {
                throw endSession(userId, e);
            }
            throw e;
        }
        if (response == null || response.accessToken() == null) {
            throw ClientMessages.missingJsonKey(appId, REFRESH_ENDPOINT.description(), "access_token");
        }
        if (Jwt.parse(response.accessToken()).isEmpty()) {
            throw ClientMessages.badToken(appId, REFRESH_ENDPOINT.description(), "access token");
        }
        if (!users.accessTokenRefreshed(userId, response.accessToken())) {
            throw ClientMessages.userNotLoggedIn(appId, userId, endpoint);
        }
        telemetry.get().tokenRefreshed(appId);
        events.fire(AuthEvent.Type.TOKEN_REFRESHED, users.object(userId));
        return response.accessToken();
    }

    private RefreshDue refreshDue(String userId, String token) {
        RefreshDue due = refreshDue.get(userId);
        if (due == null || !due.token().equals(token)) {
            due = new RefreshDue(token, Jwt.parse(token).flatMap(SessionManager::refreshTime));
            refreshDue.put(userId, due);
        }
        return due;
    }

    private RuntimeException endSession(String userId, AppServicesException refusal) {
        refreshDue.remove(userId);
        if (users.logOut(userId).isPresent()) {
            telemetry.get().sessionExpired(appId);
            fireLoggedOut(AuthEvent.Type.SESSION_EXPIRED, userId);
        }
        return ClientMessages.sessionExpired(appId, userId, refusal);
    }

    private String token(String userId, Bearer bearer, String endpoint) {
        StoredUser user = users.stored(userId)
                .filter(stored -> stored.state() == UserState.LOGGED_IN)
                .orElseThrow(() -> ClientMessages.userNotLoggedIn(appId, userId, endpoint));
        Optional<String> token = bearer == Bearer.ACCESS_TOKEN ? user.accessToken() : user.refreshToken();
        return token.orElseThrow(() -> ClientMessages.userNotLoggedIn(appId, userId, endpoint));
    }

    private static boolean unauthorized(AppServicesException e) {
        return e.httpStatus().orElse(0) == 401;
    }

    /** Whether the token is within the refresh skew of its expiry (or past it) at {@code now}. */
    static boolean expiresSoon(Jwt token, Instant now) {
        return refreshTime(token).map(at -> !now.isBefore(at)).orElse(false);
    }

    /** The moment the token comes within the refresh skew of its expiry; empty if it has no expiry. */
    static Optional<Instant> refreshTime(Jwt token) {
        return token.expiresAt().map(expiry -> expiry.minus(refreshSkew(token)));
    }

    private boolean isPast(Optional<Instant> moment) {
        Instant now = clock.instant();
        return moment.map(at -> !now.isBefore(at)).orElse(false);
    }

    /** {@link #MAX_REFRESH_SKEW}, or a quarter of the token's lifetime if that is shorter. */
    static Duration refreshSkew(Jwt token) {
        Duration quarterLife = token.issuedAt()
                .flatMap(issued -> token.expiresAt()
                        .map(expiry -> Duration.between(issued, expiry).dividedBy(4)))
                .filter(quarter -> !quarter.isNegative())
                .orElse(MAX_REFRESH_SKEW);
        return quarterLife.compareTo(MAX_REFRESH_SKEW) < 0 ? quarterLife : MAX_REFRESH_SKEW;
    }
}
