/**
 * Internal, may change without notice: remote MongoDB access ({@code dev.appservices.mongo}) over the App's
 * client. {@link dev.appservices.extension.internal.mongo.DefaultRemoteMongoCollection} turns each operation into a
 * service function call (data-and-sync.md §1) through {@code client.ServiceCalls}; {@code watch} reads the
 * server-sent events of a streaming call (§2) with {@link dev.appservices.extension.internal.mongo.SseParser}, one
 * reader task per stream that reads only as far as its consumer asks.
 */
package dev.appservices.extension.internal.mongo;
