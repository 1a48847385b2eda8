package dev.appservices.emulator.internal.api;

import dev.appservices.emulator.EmulatorFunction;
import dev.appservices.emulator.internal.app.Apps;
import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.auth.TokenService;
import dev.appservices.emulator.internal.http.Endpoint;
import dev.appservices.emulator.internal.http.Fields;
import dev.appservices.emulator.internal.http.Request;
import dev.appservices.emulator.internal.http.Response;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.json.JsonSupport;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * {@code POST /api/client/v2.0/app/{appId}/functions/call} (protocol.md §8): body
 * {@code {"arguments":[…],"name":…[,"service":…]}} in canonical or relaxed EJSON; answers the result as canonical
 * EJSON. With a {@code service}, the call is an operation of the app's MongoDB service (data-and-sync.md §1), run
 * as the calling user under the app's rules. Thread-safe.
 */
public final class FunctionEndpoint implements Endpoint {

    private final Apps apps;
    private final TokenService tokens;

    public FunctionEndpoint(Apps apps, TokenService tokens) {
        this.apps = apps;
        this.tokens = tokens;
    }

    @Override
    public Response handle(Request request) {
        EmulatedApp app = apps.require(request.pathParameter("appId"));
        TokenService.Verified caller = tokens.verify(request, TokenService.ACCESS);
        if (caller.app() != app) {
            throw ServiceError.invalidSession("the token belongs to another app");
        }
        BsonDocument body = request.jsonBody();
        String name = Fields.requiredString(body, "name");
        BsonArray arguments = Fields.optionalArray(body, "arguments").orElseGet(BsonArray::new);
        Optional<String> service = Fields.optionalString(body, "service");
        BsonValue result;
        if (service.isPresent()) {
            result = app.data().service(service.get()).call(name, arguments, app.dataCaller(caller.user()));
        } else {
            EmulatorFunction function = app.functions()
                    .callable(app.settings(), name)
                    .orElseThrow(() -> ServiceError.functionNotFound(name));
            result = app.invokeForClient(function, caller.user(), arguments, requestDocument(request));
        }
        return Response.jsonText(200, JsonSupport.toCanonicalEjson(result));
    }

    /** {@code context.request} of JavaScript functions. */
    private static BsonDocument requestDocument(Request request) {
        BsonDocument headers = new BsonDocument();
        request.headers().forEach((name, values) -> {
            BsonArray array = new BsonArray();
            values.forEach(value -> array.add(new BsonString(value)));
            headers.append(name, array);
        });
        return new BsonDocument("remoteIPAddress", new BsonString(request.remoteAddress()))
                .append("requestHeaders", headers)
                .append("httpMethod", new BsonString(request.method()))
                .append("rawQueryString", new BsonString(request.rawQuery()))
                .append("httpReferrer", new BsonString(request.header("Referer").orElse("")))
                .append(
                        "httpUserAgent",
                        new BsonString(request.header("User-Agent").orElse("")))
                .append("action", new BsonString("call"))
                .append("service", new BsonString(""));
    }
}
