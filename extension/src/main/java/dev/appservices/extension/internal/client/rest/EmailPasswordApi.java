package dev.appservices.extension.internal.client.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.bson.BsonDocument;

/**
 * The email/password provider's endpoints (protocol.md §6): registration, confirmation and password reset. No
 * {@code Authorization}; any 2xx answer is success and its body is ignored. Part of {@link AppServicesApi}; paths
 * are relative to its {@code /api/client/v2.0} (the interfaces are joined there, so each method has its full path).
 */
public interface EmailPasswordApi {

    /**
     * {@code register}.
     *
     * @param appId the app id
     * @param body  the email address and password
     */
    @POST
    @Path("/app/{appId}/auth/providers/local-userpass/register")
    @Consumes(MediaType.APPLICATION_JSON)
    void registerUser(@PathParam("appId") String appId, EmailPasswordBody body);

    /**
     * {@code confirm}.
     *
     * @param appId the app id
     * @param body  the token pair of the confirmation email
     */
    @POST
    @Path("/app/{appId}/auth/providers/local-userpass/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    void confirmUser(@PathParam("appId") String appId, TokenPairBody body);

    /**
     * {@code confirm/send}: sends the confirmation email again.
     *
     * @param appId the app id
     * @param body  the email address
     */
    @POST
    @Path("/app/{appId}/auth/providers/local-userpass/confirm/send")
    @Consumes(MediaType.APPLICATION_JSON)
    void resendConfirmationEmail(@PathParam("appId") String appId, EmailBody body);

    /**
     * {@code confirm/call}: runs the custom confirmation function again.
     *
     * @param appId the app id
     * @param body  the email address
     */
    @POST
    @Path("/app/{appId}/auth/providers/local-userpass/confirm/call")
    @Consumes(MediaType.APPLICATION_JSON)
    void retryCustomConfirmation(@PathParam("appId") String appId, EmailBody body);

    /**
     * {@code reset/send}: sends a password-reset email.
     *
     * @param appId the app id
     * @param body  the email address
     */
    @POST
    @Path("/app/{appId}/auth/providers/local-userpass/reset/send")
    @Consumes(MediaType.APPLICATION_JSON)
    void sendResetPasswordEmail(@PathParam("appId") String appId, EmailBody body);

    /**
     * {@code reset}: sets a new password with the token pair of the reset email.
     *
     * @param appId the app id
     * @param body  the new password and the token pair
     */
    @POST
    @Path("/app/{appId}/auth/providers/local-userpass/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    void resetPassword(@PathParam("appId") String appId, ResetPasswordBody body);

    /**
     * {@code reset/call}: lets the custom reset function set a new password.
     *
     * @param appId the app id
     * @param body  {@code {"email", "password", "arguments": [...]}}, the arguments as Extended JSON
     */
    @POST
    @Path("/app/{appId}/auth/providers/local-userpass/reset/call")
    @Consumes(MediaType.APPLICATION_JSON)
    void callResetPasswordFunction(@PathParam("appId") String appId, BsonDocument body);
}
