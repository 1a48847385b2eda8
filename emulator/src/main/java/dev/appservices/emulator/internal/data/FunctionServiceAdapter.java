package dev.appservices.emulator.internal.data;

import dev.appservices.emulator.FunctionMongoService;
import java.util.List;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A {@link MongoService} as functions see it, bound to a caller. {@link DataException}s become the standard
 * exceptions the SPI documents, keeping their message. Immutable.
 */
public final class FunctionServiceAdapter implements FunctionMongoService {

    private final MongoService service;
    private final Supplier<Caller> caller;

    /** @param caller whom rules see; asked at each call, so a function that never uses the service costs nothing */
    public FunctionServiceAdapter(MongoService service, Supplier<Caller> caller) {
        this.service = service;
        this.caller = caller;
    }

    @Override
    public FunctionMongoService asSystem() {
        return new FunctionServiceAdapter(service, Caller::systemCaller);
    }

    @Override
    public BsonValue call(String database, String collection, String operation, BsonDocument arguments) {
        BsonDocument argument =
                new BsonDocument("database", new BsonString(database)).append("collection", new BsonString(collection));
        arguments.forEach(argument::putIfAbsent);
        try {
            return service.call(operation, new BsonArray(List.of(argument)), caller.get());
        } catch (DataException e) {
            throw switch (e.kind()) {
                case FORBIDDEN -> new SecurityException(e.getMessage());
                case NOT_FOUND -> new IllegalArgumentException(e.getMessage());
                case BAD_REQUEST ->
                    "MongoDBError".equals(e.errorCode())
                            ? new IllegalStateException(e.getMessage())
                            : new IllegalArgumentException(e.getMessage());
            };
        }
    }
}
