package dev.appservices.emulator.internal.data;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.data.rules.Rules;
import dev.appservices.emulator.internal.messages.Messages;

/**
 * The emulator's data: one store shared by all apps (as apps linked to one cluster shared it), the change events
 * of its write path and the operations. Without an app that declares a MongoDB service there is no store at all, so
 * such emulators start as fast as before. {@link #close()} closes the store.
 */
public final class DataLayer implements AutoCloseable {

    private final Optional<MongoStore> store;
    private final ChangeEvents events;
    private final Optional<CollectionOperations> operations;

    private DataLayer(Optional<MongoStore> store, Clock clock) {
        this.store = store;
        this.events = new ChangeEvents(clock);
        this.operations = store.map(opened -> new CollectionOperations(opened, events));
    }

    /**
     * Opens the store if one of the apps declares a MongoDB service: the deployment at {@code mongodbUri} if given,
     * otherwise the embedded one, persistent under the data directory if given.
     *
     * @throws dev.appservices.emulator.EmulatorException if it cannot be opened
     */
    public static DataLayer open(List<AppSettings> apps, Optional<String> mongodbUri, Optional<Path> dataDirectory,
            Clock clock) {
        mongodbUri.ifPresent(MongoStore::connectionString);
        if (apps.stream().noneMatch(app -> app.mongodb().isPresent())) {
            return new DataLayer(Optional.empty(), clock);
        }
        MongoStore store = mongodbUri.map(MongoStore::remote).orElseGet(() -> MongoStore.embedded(dataDirectory));
        return new DataLayer(Optional.of(store), clock);
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
            return new MongoService(mongodb.service(), rules, mongodb.values(), operations.orElseThrow());
        });
        Optional<CustomUserDataSource> customData = settings.customData().collection().map(collection ->
                new CustomUserDataSource(store.orElseThrow(), new Namespace(collection.database(), collection.collection()),
                        collection.userIdField()));
        return new AppData(service, customData);
    }

    public ChangeEvents events() {
        return events;
    }

    @Override
    public void close() {
        store.ifPresent(MongoStore::close);
    }
}
