package dev.appservices.emulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * What an {@link EmulatorFunction} knows about its call: the app and, for calls made by a logged-in user, that user.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class FunctionContext {

    private final String appId;
    private final CallingUser user;
    private final Map<String, FunctionMongoService> services;

    /**
     * Creates a context.
     *
     * @param appId the app's client app id
     * @param user the calling user, or {@code null} for calls the emulator makes itself (authentication,
     *     confirmation and reset functions)
     */
    public FunctionContext(String appId, CallingUser user) {
        this(appId, user, Map.of());
    }

    /**
     * Creates a context whose function reaches MongoDB services.
     *
     * @param appId the app's client app id
     * @param user the calling user, or {@code null} for calls the emulator makes itself
     * @param services the app's MongoDB services by name, acting as the calling user (as system without one)
     */
    public FunctionContext(String appId, CallingUser user, Map<String, FunctionMongoService> services) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.user = user;
        this.services = Map.copyOf(services);
    }

    /**
     * The app's MongoDB service of that name (e.g. {@code mongodb-atlas}), acting as the calling user so that rules
     * apply; {@link FunctionMongoService#asSystem()} bypasses them.
     *
     * @param name the service name
     * @return the service, or empty if the app declares none of that name
     */
    public Optional<FunctionMongoService> mongoService(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /**
     * The client app id of the app the function runs in.
     *
     * @return the app id
     */
    public String appId() {
        return appId;
    }

    /**
     * The user who called the function.
     *
     * @return the calling user, or empty for functions the emulator runs itself
     */
    public Optional<CallingUser> user() {
        return Optional.ofNullable(user);
    }

    /**
     * A user who calls a function.
     *
     * @param id the user id
     * @param identities the user's identities
     * @param customData the user's custom user data (empty if none); a copy
     * @since 0.1
     */
    public record CallingUser(String id, List<Identity> identities, BsonDocument customData) {

        /**
         * Creates a calling user, copying the lists and the document.
         *
         * @param id the user id
         * @param identities the user's identities
         * @param customData the custom user data
         */
        public CallingUser {
            Objects.requireNonNull(id, "id");
            identities = List.copyOf(identities);
            customData = customData.clone();
        }

        /**
         * The custom user data, as a copy the caller may modify.
         *
         * @return the custom user data
         */
        @Override
        public BsonDocument customData() {
            return customData.clone();
        }
    }

    /**
     * One identity of a user.
     *
     * @param id the identity's id within its provider
     * @param providerType the provider type, e.g. {@code local-userpass}
     * @since 0.1
     */
    public record Identity(String id, String providerType) {}
}
