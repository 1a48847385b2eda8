package dev.appservices.extension.internal.client.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of the email/password requests that name a user only.
 *
 * @param email the email address
 */
public record EmailBody(@JsonbProperty("email") String email) {}
