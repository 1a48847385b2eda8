package dev.appservices.mongo;

import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * A database of the data service. Immutable and thread-safe.
 *
 * @since 0.1
 */
public interface RemoteMongoDatabase {

    /**
     * Returns the database name.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the codec registry its collections encode and decode documents with.
     *
     * @return the registry; by default the BSON library's codecs, records and POJOs
     */
    CodecRegistry codecRegistry();

    /**
     * Returns the same database with another codec registry for its collections.
     *
     * @param registry the registry; to keep the standard types, combine it with the default one
     * @return a new database object; this one is unchanged
     * @throws NullPointerException if {@code registry} is null
     */
    RemoteMongoDatabase withCodecRegistry(CodecRegistry registry);

    /**
     * Returns a collection of {@link Document}s. No request is made.
     *
     * @param name the collection name
     * @return the collection
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    RemoteMongoCollection<Document> collection(String name);

    /**
     * Returns a collection whose documents are decoded into {@code documentClass} (a record, a POJO, or any class
     * the registry has a codec for). No request is made.
     *
     * @param <T>           the document class
     * @param name          the collection name
     * @param documentClass the document class
     * @return the collection
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    <T> RemoteMongoCollection<T> collection(String name, Class<T> documentClass);
}
