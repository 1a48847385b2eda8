package dev.appservices.mongo;

/**
 * The result of {@link RemoteMongoCollection#deleteOne} and {@link RemoteMongoCollection#deleteMany}.
 *
 * @param deletedCount the number of documents deleted
 * @since 0.1
 */
public record DeleteResult(long deletedCount) {}
