package dev.appservices.emulator.internal.admin;

import dev.appservices.emulator.internal.app.Apps;
import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.data.Caller;
import dev.appservices.emulator.internal.data.MongoService;
import dev.appservices.emulator.internal.http.Request;
import dev.appservices.emulator.internal.http.Response;
import dev.appservices.emulator.internal.http.Router;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.json.JsonSupport;
import dev.appservices.emulator.internal.messages.Messages;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The admin API's data routes under {@code /emulator/v1/apps/{appId}/data}: read a collection, insert documents,
 * clear a collection or a database, always as system through the app's MongoDB service, so watchers see these
 * writes as any other. Thread-safe.
 */
public final class DataAdminEndpoints {

    private final Apps apps;

    public DataAdminEndpoints(Apps apps) {
        this.apps = apps;
    }

    public void register(Router router, String prefix) {
        String database = prefix + "/apps/{appId}/data/{database}";
        String collection = database + "/{collection}";
        router.add(
                        "GET",
                        collection,
                        request -> Response.jsonText(
                                200, JsonSupport.toCanonicalEjson(call(request, "find", new BsonDocument()))))
                .add("POST", collection, this::insert)
                .add("DELETE", collection, request -> {
                    call(request, "deleteMany", new BsonDocument());
                    return Response.noContent();
                })
                .add("DELETE", database, request -> {
                    service(request).clearDatabase(request.pathParameter("database"));
                    return Response.noContent();
                });
    }

    /** Body: one document, or {@code {"documents": [...]}}; answers {@code {"insertedIds": [...]}}. */
    private Response insert(Request request) {
        BsonDocument body = request.jsonBody();
        BsonValue documents = body.get("documents");
        BsonArray batch = documents != null && documents.isArray() && body.size() == 1
                ? documents.asArray()
                : new BsonArray(List.of(body));
        BsonValue answer = call(request, "insertMany", new BsonDocument("documents", batch));
        return Response.jsonText(201, JsonSupport.toCanonicalEjson(answer));
    }

    private BsonValue call(Request request, String operation, BsonDocument arguments) {
        BsonDocument argument = new BsonDocument("database", new BsonString(request.pathParameter("database")))
                .append("collection", new BsonString(request.pathParameter("collection")));
        argument.putAll(arguments);
        return service(request).call(operation, new BsonArray(List.of(argument)), Caller.systemCaller());
    }

    private MongoService service(Request request) {
        String appId = request.pathParameter("appId");
        EmulatedApp app = apps.find(appId)
                .orElseThrow(() -> new ServiceError(404, "AppNotFound", Messages.unknownAdminApp(appId)));
        return app.data()
                .service()
                .orElseThrow(() -> new ServiceError(404, "ServiceNotFound", Messages.noMongoService(appId)));
    }
}
