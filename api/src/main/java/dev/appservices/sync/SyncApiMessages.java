package dev.appservices.sync;

import java.util.Objects;

/**
 * The message factory of {@code dev.appservices.sync}: failures of its value types. Codes 1000–1009 of the sync range
 * (1000–1099; the implementation uses the rest).
 */
final class SyncApiMessages {

    private SyncApiMessages() {}

    static String requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("APPSVC1000: the " + what + " must not be blank");
        }
        return value;
    }

    static IllegalArgumentException duplicateSubscription(String name) {
        return new IllegalArgumentException(
                "APPSVC1001: a subscription named '" + name + "' was added to the configuration already");
    }

    static IllegalArgumentException invalidName(String name) {
        return new IllegalArgumentException(
                "APPSVC1002: the synced database name '" + name + "' may hold only letters, digits, '-' and '_'");
    }
}
