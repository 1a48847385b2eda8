package dev.appservices.extension.internal.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry delays of a sync session: 1 s doubling to 5 min, less up to 25 % jitter, from 1 s again after a reset. */
class BackOffTest {

    @Test
    void delaysDoubleFromOneSecondUpToFiveMinutesWithJitterBelowThem() {
        BackOff backOff = new BackOff();
        for (int failure = 0; failure < 40; failure++) {
            Duration nominal = Duration.ofSeconds(Math.min(300, 1L << Math.min(failure, 20)));

            Duration delay = backOff.next();

            assertTrue(delay.compareTo(nominal) <= 0, "failure " + failure + ": " + delay + " above " + nominal);
            assertTrue(
                    delay.compareTo(nominal.multipliedBy(3).dividedBy(4)) >= 0,
                    "failure " + failure + ": " + delay + " below three quarters of " + nominal);
        }
    }

    @Test
    void aResetStartsAgainFromOneSecond() {
        BackOff backOff = new BackOff();
        for (int failure = 0; failure < 12; failure++) {
            backOff.next();
        }

        backOff.reset();

        assertTrue(backOff.next().compareTo(BackOff.FIRST) <= 0);
    }
}
