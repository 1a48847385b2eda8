package dev.appservices.sample;

import java.net.URI;

/**
 * Which backend App {@code sample} uses right now.
 *
 * @param baseUrl  the base URL the App reads from its configuration at this moment
 * @param embedded whether it is the emulator the sample started in this server
 */
public record BackendView(URI baseUrl, boolean embedded) {}
