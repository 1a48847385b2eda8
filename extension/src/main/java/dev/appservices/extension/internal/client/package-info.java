/**
 * Internal, may change without notice: the App client. {@link dev.appservices.extension.internal.client.DefaultApp}
 * and {@link dev.appservices.extension.internal.client.DefaultUser} implement the API; every request goes through
 * {@link dev.appservices.extension.internal.client.BackendRequests} (location, redirects, errors, timeouts), and
 * every request on behalf of a user through {@link dev.appservices.extension.internal.client.SessionManager}
 * (tokens, refresh, session end). Users live in the App's metadata store.
 */
package dev.appservices.extension.internal.client;
