package dev.appservices.extension.internal.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delay before the next connection attempt after a non-fatal error, as in realm-core: 1 s doubling to 5 min,
 * minus up to 25 % jitter so that many clients do not retry in step. Not thread-safe (the session's thread owns it).
 */
final class BackOff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(5);

    private int failures;

    /** The delay after one more failure. */
    Duration next() {
        long millis = Math.min(MAX.toMillis(), FIRST.toMillis() << Math.min(failures, 20));
        failures++;
        double jitter = ThreadLocalRandom.current().nextDouble(0, 0.25);
        return Duration.ofMillis((long) (millis * (1 - jitter)));
    }

    /** Starts again from {@link #FIRST} after a success. */
    void reset() {
        failures = 0;
    }
}
