package dev.appservices.emulator.internal.data;

import java.util.Optional;
import org.bson.BsonDocument;

/**
 * The data side of one app: its MongoDB service, if it declares one, and where its custom user data comes from.
 * Immutable and thread-safe.
 */
public final class AppData {

    private final Optional<MongoService> service;
    private final Optional<CustomUserDataSource> customUserData;

    public AppData(Optional<MongoService> service, Optional<CustomUserDataSource> customUserData) {
        this.service = service;
        this.customUserData = customUserData;
    }

    /** An app without data. */
    public static AppData none() {
        return new AppData(Optional.empty(), Optional.empty());
    }

    /**
     * The MongoDB service clients call by that name.
     *
     * @throws DataException 404 {@code ServiceNotFound} if the app has no such service
     */
    public MongoService service(String name) {
        return service.filter(candidate -> candidate.name().equals(name))
                .orElseThrow(() -> DataException.serviceNotFound(name));
    }

    /** The app's MongoDB service, if it declares one. */
    public Optional<MongoService> service() {
        return service;
    }

    /** The user's document of the custom user data collection; empty without one or without a document. */
    public Optional<BsonDocument> customUserData(String userId) {
        return customUserData.flatMap(source -> source.lookup(userId));
    }
}
