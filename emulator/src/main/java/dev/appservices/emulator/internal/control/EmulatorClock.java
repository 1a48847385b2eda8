package dev.appservices.emulator.internal.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's time: a base clock (the system clock, or one a test passes to the builder) plus an offset that only
 * grows, moved forward through the admin API ({@code POST /emulator/v1/clock/advance}) so that tests of token
 * expiry need not sleep. Everything time-dependent in the emulator (token {@code iat}/{@code exp}, session expiry,
 * custom-token {@code exp} checks, creation times) reads this clock. Thread-safe.
 */
public final class EmulatorClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetMillis;

    public EmulatorClock(Clock base) {
        this(base, new AtomicLong());
    }

    private EmulatorClock(Clock base, AtomicLong offsetMillis) {
        this.base = base;
        this.offsetMillis = offsetMillis;
    }

    /**
     * Moves the clock forward.
     *
     * @param amount a duration of zero or more
     * @return the new current instant
     */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offsetMillis.addAndGet(amount.toMillis());
        return instant();
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EmulatorClock(base.withZone(zone), offsetMillis);
    }
}
