package dev.appservices.extension.internal.client;

import dev.appservices.App;
import dev.appservices.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock an App judges token expiry by, moved by tests instead of sleeping through a token's lifetime: the system
 * time plus an offset. The server's tokens stay valid on the server; only the client sees them expire.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private MovableClock() {}

    /** A clock at the system time that judges the token expiry of {@code app} from now on. */
    public static MovableClock of(App app) {
        MovableClock clock = new MovableClock();
        ((DefaultApp) app).sessions().useClock(clock);
        return clock;
    }

    /** Moves the clock one second past the expiry of the user's current access token. */
    public void passExpiryOf(User user) {
        Instant expiry = user.accessTokenExpiresAt().orElseThrow();
        offset.set(Duration.between(Instant.now(), expiry).plusSeconds(1));
    }

    /** Back to the system time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Token expiry is an instant: the zone plays no part. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
