package dev.appservices;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Manages the API keys of one user. Obtained from {@link User#apiKeys()}; a key logs in with
 * {@link Credentials#apiKey(String)}.
 *
 * <p>Every call needs the user to be logged in and authenticates with its refresh token. Every blocking method
 * throws {@link NullPointerException} for a null argument, {@link AppServicesException} with
 * {@link ErrorCode#CLIENT_USER_NOT_LOGGED_IN} if the user is not logged in, {@link ServiceException} when the
 * server refuses the request (for example {@link ErrorCode#API_KEY_NOT_FOUND}), {@link SessionExpiredException} when
 * the session has ended, and {@link ConnectionException} when the server cannot be reached in time. Each
 * {@code …Async} twin completes exceptionally with the same exceptions.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface ApiKeyAuth {

    /**
     * Creates an enabled API key. This is the only time its secret value is returned.
     *
     * @param name the key name, unique for this user
     * @return the new key, with {@link ApiKey#key()} present
     * @throws ServiceException if the name is taken ({@link ErrorCode#API_KEY_ALREADY_EXISTS}) or invalid
     */
    ApiKey create(String name);

    /**
     * Asynchronous twin of {@link #create(String)}.
     *
     * @param name the key name
     * @return a stage that completes with the new key
     */
    CompletionStage<ApiKey> createAsync(String name);

    /**
     * Fetches one API key of this user.
     *
     * @param id the key id
     * @return the key, without its secret value
     * @throws ServiceException if there is no such key ({@link ErrorCode#API_KEY_NOT_FOUND})
     */
    ApiKey fetch(String id);

    /**
     * Asynchronous twin of {@link #fetch(String)}.
     *
     * @param id the key id
     * @return a stage that completes with the key
     */
    CompletionStage<ApiKey> fetchAsync(String id);

    /**
     * Fetches every API key of this user.
     *
     * @return an unmodifiable list of keys, without their secret values
     */
    List<ApiKey> fetchAll();

    /**
     * Asynchronous twin of {@link #fetchAll()}.
     *
     * @return a stage that completes with the keys
     */
    CompletionStage<List<ApiKey>> fetchAllAsync();

    /**
     * Deletes an API key; it can no longer log in.
     *
     * @param id the key id
     * @throws ServiceException if there is no such key ({@link ErrorCode#API_KEY_NOT_FOUND})
     */
    void delete(String id);

    /**
     * Asynchronous twin of {@link #delete(String)}.
     *
     * @param id the key id
     * @return a stage that completes when the key is deleted
     */
    CompletionStage<Void> deleteAsync(String id);

    /**
     * Enables an API key.
     *
     * @param id the key id
     * @throws ServiceException if there is no such key ({@link ErrorCode#API_KEY_NOT_FOUND})
     */
    void enable(String id);

    /**
     * Asynchronous twin of {@link #enable(String)}.
     *
     * @param id the key id
     * @return a stage that completes when the key is enabled
     */
    CompletionStage<Void> enableAsync(String id);

    /**
     * Disables an API key; logins with it fail until it is enabled again.
     *
     * @param id the key id
     * @throws ServiceException if there is no such key ({@link ErrorCode#API_KEY_NOT_FOUND})
     */
    void disable(String id);

    /**
     * Asynchronous twin of {@link #disable(String)}.
     *
     * @param id the key id
     * @return a stage that completes when the key is disabled
     */
    CompletionStage<Void> disableAsync(String id);
}
