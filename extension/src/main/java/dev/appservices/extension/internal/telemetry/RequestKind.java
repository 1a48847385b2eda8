package dev.appservices.extension.internal.telemetry;

/**
 * What traces and metrics say of one kind of backend request: low-cardinality values only, never an id, a token or
 * an argument.
 *
 * @param spanName    the span's name, such as {@code appservices functions/call}
 * @param method      the HTTP method
 * @param urlTemplate the path template, such as {@code /api/client/v2.0/app/{appId}/functions/call}
 */
public record RequestKind(String spanName, String method, String urlTemplate) {}
