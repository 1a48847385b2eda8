package dev.appservices.emulator.internal.api;

import dev.appservices.emulator.internal.app.Apps;
import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.auth.TokenService;
import dev.appservices.emulator.internal.data.Access;
import dev.appservices.emulator.internal.data.WatchRequest;
import dev.appservices.emulator.internal.data.watch.SseSink;
import dev.appservices.emulator.internal.data.watch.WatchStreams;
import dev.appservices.emulator.internal.http.BodyParser;
import dev.appservices.emulator.internal.http.Endpoint;
import dev.appservices.emulator.internal.http.Fields;
import dev.appservices.emulator.internal.http.Request;
import dev.appservices.emulator.internal.http.Response;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.messages.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bson.BsonArray;
import org.bson.BsonDocument;

/**
 * {@code GET /api/client/v2.0/app/{appId}/functions/call?baas_request=…} (data-and-sync.md §2): the streaming
 * {@code watch} call. The access token comes as {@code baas_at} (realm-core) or {@code Authorization: Bearer}
 * (realm-web); the request is the percent-encoded standard base64 of {@code {"name":"watch","service":…,
 * "arguments":[…]}}. Every check (token, service, rules) happens before the stream starts, so failures are normal
 * error bodies; then the stream is handed to {@link WatchStreams} and the worker thread returns. Thread-safe.
 */
public final class WatchEndpoint implements Endpoint {

    private final Apps apps;
    private final TokenService tokens;
    private final WatchStreams streams;

    public WatchEndpoint(Apps apps, TokenService tokens, WatchStreams streams) {
        this.apps = apps;
        this.tokens = tokens;
        this.streams = streams;
    }

    @Override
    public Response handle(Request request) {
        EmulatedApp app = apps.require(request.pathParameter("appId"));
        String token = request.queryParameter("baas_at")
                .filter(value -> !value.isEmpty())
                .or(request::bearerToken)
                .orElseThrow(ServiceError::missingAuthorization);
        TokenService.Verified caller = tokens.verify(request, token, TokenService.ACCESS);
        if (caller.app() != app) {
            throw ServiceError.invalidSession("the token belongs to another app");
        }
        BsonDocument call = decode(request.queryParameter("baas_request")
                .orElseThrow(() -> new ServiceError(400, "MissingParameter", Messages.missingField("baas_request"))));
        String name = Fields.requiredString(call, "name");
        if (!name.equals("watch")) {
            throw ServiceError.functionNotFound(name);
        }
        String service = Fields.requiredString(call, "service");
        WatchRequest watch =
                WatchRequest.parse(Fields.optionalArray(call, "arguments").orElseGet(BsonArray::new));
        Access access = app.data().service(service).access(watch.namespace(), app.dataCaller(caller.user()));
        String sessionId = caller.session().id();
        return Response.stream("text/event-stream", (body, close) -> {
            SseSink sink = new ExchangeSink(body, close);
            sink.write(":\n");
            streams.open(
                    sink,
                    watch.namespace(),
                    watch.filter(),
                    access,
                    () -> app.state().signedIn(sessionId).isPresent());
        });
    }

    private static BsonDocument decode(String baasRequest) {
        try {
            // the query decoder turned an unencoded '+' of the base64 text into a space
            byte[] json = Base64.getDecoder().decode(baasRequest.replace(' ', '+'));
            return BodyParser.parse(json);
        } catch (IllegalArgumentException e) {
            throw ServiceError.invalidParameter(Messages.wrongType("baas_request", "base64 of a JSON object"));
        }
    }

    /** The response body of the exchange, flushed after every write. */
    private record ExchangeSink(OutputStream body, Runnable closer) implements SseSink {

        @Override
        public void write(String text) throws IOException {
            body.write(text.getBytes(StandardCharsets.UTF_8));
            body.flush();
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
