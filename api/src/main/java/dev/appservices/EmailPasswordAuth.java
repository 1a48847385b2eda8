package dev.appservices;

import java.util.concurrent.CompletionStage;

/**
 * The client of the email/password authentication provider ({@code local-userpass}): registration, confirmation
 * and password reset. Obtained from {@link App#emailPasswordAuth()}; users then log in with
 * {@link Credentials#emailPassword(String, String)}.
 *
 * <p>None of these calls needs a logged-in user. Every blocking method throws
 * {@link NullPointerException} for a null argument, {@link ServiceException} (or a subclass such as
 * {@link UserAlreadyExistsException}) when the server refuses the request, and {@link ConnectionException} when the
 * server cannot be reached in time. Each {@code …Async} twin completes exceptionally with the same exceptions.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface EmailPasswordAuth {

    /**
     * Registers a new email/password user. Depending on the app's settings the user is confirmed at once, must
     * confirm by email, or is confirmed by a custom function.
     *
     * @param email    the email address
     * @param password the password
     * @throws UserAlreadyExistsException if the email address is already registered
     * @throws ServiceException if the server refuses the registration (for example a password that is too short)
     * @throws ConnectionException if the server cannot be reached in time
     */
    void registerUser(String email, String password);

    /**
     * Asynchronous twin of {@link #registerUser(String, String)}.
     *
     * @param email    the email address
     * @param password the password
     * @return a stage that completes when the user is registered
     */
    CompletionStage<Void> registerUserAsync(String email, String password);

    /**
     * Confirms a registered user with the token pair from the confirmation email.
     *
     * @param token   the {@code token} parameter of the confirmation link
     * @param tokenId the {@code tokenId} parameter of the confirmation link
     * @throws ServiceException if the token pair is invalid or expired ({@link ErrorCode#USERPASS_TOKEN_INVALID})
     * @throws UserAlreadyConfirmedException if the user is already confirmed
     * @throws ConnectionException if the server cannot be reached in time
     */
    void confirmUser(String token, String tokenId);

    /**
     * Asynchronous twin of {@link #confirmUser(String, String)}.
     *
     * @param token   the token
     * @param tokenId the token id
     * @return a stage that completes when the user is confirmed
     */
    CompletionStage<Void> confirmUserAsync(String token, String tokenId);

    /**
     * Sends the confirmation email again, with a new token pair.
     *
     * @param email the email address of a registered, unconfirmed user
     * @throws UserNotFoundException if no pending user has this email address
     * @throws UserAlreadyConfirmedException if the user is already confirmed
     * @throws ConnectionException if the server cannot be reached in time
     */
    void resendConfirmationEmail(String email);

    /**
     * Asynchronous twin of {@link #resendConfirmationEmail(String)}.
     *
     * @param email the email address
     * @return a stage that completes when the email is sent
     */
    CompletionStage<Void> resendConfirmationEmailAsync(String email);

    /**
     * Runs the app's custom confirmation function again for a pending user.
     *
     * @param email the email address of a registered, unconfirmed user
     * @throws UserNotFoundException if no pending user has this email address
     * @throws UserAlreadyConfirmedException if the user is already confirmed
     * @throws ConnectionException if the server cannot be reached in time
     */
    void retryCustomConfirmation(String email);

    /**
     * Asynchronous twin of {@link #retryCustomConfirmation(String)}.
     *
     * @param email the email address
     * @return a stage that completes when the confirmation function has run
     */
    CompletionStage<Void> retryCustomConfirmationAsync(String email);

    /**
     * Sends a password-reset email with a token pair.
     *
     * @param email the email address of a registered user
     * @throws UserNotFoundException if no user has this email address
     * @throws ConnectionException if the server cannot be reached in time
     */
    void sendResetPasswordEmail(String email);

    /**
     * Asynchronous twin of {@link #sendResetPasswordEmail(String)}.
     *
     * @param email the email address
     * @return a stage that completes when the email is sent
     */
    CompletionStage<Void> sendResetPasswordEmailAsync(String email);

    /**
     * Sets a new password with the token pair from the password-reset email.
     *
     * @param token    the {@code token} parameter of the reset link
     * @param tokenId  the {@code tokenId} parameter of the reset link
     * @param password the new password
     * @throws ServiceException if the token pair is invalid or expired ({@link ErrorCode#USERPASS_TOKEN_INVALID}) or
     *         the password is refused
     * @throws ConnectionException if the server cannot be reached in time
     */
    void resetPassword(String token, String tokenId, String password);

    /**
     * Asynchronous twin of {@link #resetPassword(String, String, String)}.
     *
     * @param token    the token
     * @param tokenId  the token id
     * @param password the new password
     * @return a stage that completes when the password is set
     */
    CompletionStage<Void> resetPasswordAsync(String token, String tokenId, String password);

    /**
     * Asks the app's custom reset function to set a new password.
     *
     * @param email    the email address of a registered user
     * @param password the new password
     * @param args     further arguments passed to the reset function, encoded as Extended JSON
     * @throws UserNotFoundException if no user has this email address
     * @throws ServiceException if the reset function refuses or fails
     * @throws ConnectionException if the server cannot be reached in time
     */
    void callResetPasswordFunction(String email, String password, Object... args);

    /**
     * Asynchronous twin of {@link #callResetPasswordFunction(String, String, Object...)}.
     *
     * @param email    the email address
     * @param password the new password
     * @param args     further arguments passed to the reset function
     * @return a stage that completes when the function has set the password
     */
    CompletionStage<Void> callResetPasswordFunctionAsync(String email, String password, Object... args);
}
