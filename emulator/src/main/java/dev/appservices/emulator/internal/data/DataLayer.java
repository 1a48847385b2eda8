package dev.appservices.emulator.internal.data;

import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.data.rules.Rules;
import dev.appservices.emulator.internal.messages.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The emulator's data: one store shared by all apps (as apps linked to one cluster shared it), the change events
 * of its write path and the operations. The store opens even when no app declares a MongoDB service, since it also
 * holds the emulator's own state (users, sessions, keys, tokens, signing secrets). {@link #close()} closes it.
 */
public final class DataLayer implements AutoCloseable {

    private final MongoStore store;
    private final ChangeEvents events;
    private final CollectionOperations operations;

    private DataLayer(MongoStore store, Clock clock, String stateDatabase) {
        this.store = store;
        this.events = new ChangeEvents(clock);
        this.operations = new CollectionOperations(store, events, stateDatabase);
    }

    /**
     * Opens the store: the MongoDB deployment at {@code mongodbUri} if given, otherwise the embedded one, persistent
     * under the data directory if given. The MongoDB service never reaches {@code stateDatabase}, the emulator's own.
     *
     * @throws dev.appservices.emulator.EmulatorException if it cannot be opened
     */
    public static DataLayer open(
            Optional<String> mongodbUri, Optional<Path> dataDirectory, Clock clock, String stateDatabase) {
        MongoStore store = mongodbUri.map(MongoStore::remote).orElseGet(() -> MongoStore.embedded(dataDirectory));
        return new DataLayer(store, clock, stateDatabase);
    }

    /**
     * The data side of an app.
     *
     * @throws dev.appservices.emulator.EmulatorException {@code APPSVC0813} naming the invalid rules key
     */
    public AppData forApp(AppSettings settings) {
        String key = "apps[" + settings.id() + "].mongodb";
        Optional<MongoService> service = settings.mongodb().map(mongodb -> {
            Rules rules;
            try {
                rules = Rules.parse(mongodb.rules(), mongodb.defaultRule(), key);
            } catch (IllegalArgumentException e) {
                throw Messages.invalidSetting(key, e.getMessage());
            }
            return new MongoService(mongodb.service(), rules, mongodb.values(), operations);
        });
        Optional<CustomUserDataSource> customData = settings.customData()
                .collection()
                .map(collection -> new CustomUserDataSource(
                        store,
                        new Namespace(collection.database(), collection.collection()),
                        collection.userIdField()));
        return new AppData(service, customData);
    }

    public ChangeEvents events() {
        return events;
    }

    public CollectionOperations operations() {
        return operations;
    }

    public MongoStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
