package dev.appservices.sync;

import dev.appservices.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.conversions.Bson;

/**
 * How to open a {@link SyncedDatabase}: the user whose data it holds, the local store's name, the initial
 * subscriptions, whether waits fail at non-fatal errors, and the error handler. Immutable; made with
 * {@link #builder(User)}.
 *
 * <pre>{@code
 * SyncConfiguration config = SyncConfiguration.builder(user)
 *         .name("orders")
 *         .subscription("open", "shop", "orders", eq("status", "open"))
 *         .cancelWaitsOnNonFatalError(true)
 *         .errorHandler((session, error) -> log.warn(error.getMessage()))
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class SyncConfiguration {

    /** The local store's name when none is given. */
    public static final String DEFAULT_NAME = "default";

    private final User user;
    private final String name;
    private final List<Subscription> subscriptions;
    private final Boolean cancelWaitsOnNonFatalError;
    private final SyncErrorHandler errorHandler;

    private SyncConfiguration(Builder builder) {
        this.user = builder.user;
        this.name = builder.name;
        this.subscriptions = List.copyOf(builder.subscriptions.values());
        this.cancelWaitsOnNonFatalError = builder.cancelWaitsOnNonFatalError;
        this.errorHandler = builder.errorHandler;
    }

    /**
     * A builder for a user's synced database.
     *
     * @param user the user whose data the database holds and whose rights apply
     * @return a new builder
     */
    public static Builder builder(User user) {
        return new Builder(Objects.requireNonNull(user, "user"));
    }

    /** The user whose data the database holds. */
    public User user() {
        return user;
    }

    /** The local store's name, unique per user; {@value #DEFAULT_NAME} by default. */
    public String name() {
        return name;
    }

    /**
     * The subscriptions the database starts with the first time it is opened; afterwards the stored ones (as
     * changed by {@link Subscriptions#update}) apply.
     */
    public List<Subscription> initialSubscriptions() {
        return subscriptions;
    }

    /**
     * Whether pending waits fail at the first non-fatal error; empty means the App's setting
     * ({@code appservices.<id>.sync.cancel-waits-on-non-fatal-error}, default {@code false}).
     */
    public Optional<Boolean> cancelWaitsOnNonFatalError() {
        return Optional.ofNullable(cancelWaitsOnNonFatalError);
    }

    /** The handler of sync errors (non-fatal, fatal and compensating writes); by default they are only logged. */
    public Optional<SyncErrorHandler> errorHandler() {
        return Optional.ofNullable(errorHandler);
    }

    /** Names the user, the store and the subscriptions; never a token. */
    @Override
    public String toString() {
        return "SyncConfiguration[user=" + user.id() + ", name=" + name + ", subscriptions="
                + subscriptions.stream().map(Subscription::name).toList() + "]";
    }

    /**
     * Builds a {@link SyncConfiguration}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {

        private final User user;
        private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        private String name = DEFAULT_NAME;
        private Boolean cancelWaitsOnNonFatalError;
        private SyncErrorHandler errorHandler;

        private Builder(User user) {
            this.user = user;
        }

        /**
         * Sets the local store's name.
         *
         * @param name letters, digits, {@code -} and {@code _}
         * @return this builder
         */
        public Builder name(String name) {
            SyncApiMessages.requireName(name, "name");
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw SyncApiMessages.invalidName(name);
            }
            this.name = name;
            return this;
        }

        /**
         * Adds an initial subscription.
         *
         * @param name       its unique name
         * @param database   the database
         * @param collection the collection
         * @param filter     the query filter, for example {@code Filters.eq("status", "open")}
         * @return this builder
         * @throws IllegalArgumentException if a subscription of that name was added already
         */
        public Builder subscription(String name, String database, String collection, Bson filter) {
            Objects.requireNonNull(filter, "filter");
            Subscription subscription = new Subscription(name, database, collection, BsonFilters.toDocument(filter));
            if (subscriptions.putIfAbsent(name, subscription) != null) {
                throw SyncApiMessages.duplicateSubscription(name);
            }
            return this;
        }

        /**
         * Sets whether pending waits fail at the first non-fatal error (a request that times out, a refused
         * connection, a 5xx, a stream that ends, a compensating write) instead of waiting for the backend to come
         * back.
         *
         * @param cancel {@code true} to fail them
         * @return this builder
         */
        public Builder cancelWaitsOnNonFatalError(boolean cancel) {
            this.cancelWaitsOnNonFatalError = cancel;
            return this;
        }

        /**
         * Sets the error handler.
         *
         * @param handler called on the session's thread; it should return quickly
         * @return this builder
         */
        public Builder errorHandler(SyncErrorHandler handler) {
            this.errorHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Builds the configuration. */
        public SyncConfiguration build() {
            return new SyncConfiguration(this);
        }
    }
}
