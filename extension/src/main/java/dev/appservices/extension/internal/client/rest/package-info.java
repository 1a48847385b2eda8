/**
 * Internal, may change without notice: the App Services client protocol as MicroProfile Rest Client interfaces and
 * JSON-B records of its bodies. The interfaces carry no provider registrations; the client wiring builds them with
 * {@code RestClientBuilder} and registers its providers programmatically, so {@code mp-rest} configuration keys do
 * not apply to them.
 */
package dev.appservices.extension.internal.client.rest;
