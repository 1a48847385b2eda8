package dev.appservices.extension.internal.client.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of the location response; only {@code hostname} is used by this client (HTTP only, no sync).
 *
 * @param deploymentModel {@code GLOBAL} or {@code LOCAL}
 * @param location        the region, such as {@code US-VA}
 * @param hostname        the URL to send the app's requests to
 * @param wsHostname      the websocket URL of the sync endpoint
 */
public record LocationResponse(
        @JsonbProperty("deployment_model") String deploymentModel,
        @JsonbProperty("location") String location,
        @JsonbProperty("hostname") String hostname,
        @JsonbProperty("ws_hostname") String wsHostname) {}
