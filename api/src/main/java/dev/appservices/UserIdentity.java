package dev.appservices;

/**
 * One identity of a {@link User}: a user has one identity per authentication provider it logged in or was linked
 * with.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id           the identity id given by the provider (for example the email user's internal id)
 * @param providerType the provider type, one of the provider constants of {@link Credentials}
 * @since 0.1
 */
public record UserIdentity(String id, String providerType) {

    /**
     * Creates the value.
     *
     * @param id           the identity id
     * @param providerType the provider type
     * @throws NullPointerException if an argument is null
     */
    public UserIdentity {
        ApiMessages.requireNonNull(id, "id");
        ApiMessages.requireNonNull(providerType, "providerType");
    }
}
