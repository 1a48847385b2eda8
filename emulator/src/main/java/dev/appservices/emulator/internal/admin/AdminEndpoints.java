package dev.appservices.emulator.internal.admin;

import static dev.appservices.emulator.internal.json.DocumentBuilder.document;

import dev.appservices.emulator.internal.app.Apps;
import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.control.EmulatorClock;
import dev.appservices.emulator.internal.control.FaultDefinition;
import dev.appservices.emulator.internal.control.FaultRegistry;
import dev.appservices.emulator.internal.control.InvalidFaultException;
import dev.appservices.emulator.internal.control.RequestCounters;
import dev.appservices.emulator.internal.http.Request;
import dev.appservices.emulator.internal.http.Response;
import dev.appservices.emulator.internal.http.Router;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.json.DocumentBuilder;
import dev.appservices.emulator.internal.json.JsonSupport;
import dev.appservices.emulator.internal.messages.Messages;
import dev.appservices.emulator.internal.state.Records.EmailToken;
import dev.appservices.emulator.internal.state.Records.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The test and admin API under {@code /emulator/v1} (never under {@code /api/client}, and never subject to
 * injected faults). It needs no authentication: the emulator is a test backend that listens on the loopback
 * address by default. Every route is listed in {@link #register}; {@code docs/emulator.adoc} documents them.
 * Thread-safe.
 */
public final class AdminEndpoints {

    /** Ten years: more than any token lifetime, and far from overflowing the clock. */
    private static final long MAX_ADVANCE_SECONDS = 10L * 366 * 24 * 3600;

    private final Apps apps;
    private final RequestCounters counters;
    private final FaultRegistry faults;
    private final EmulatorClock clock;

    public AdminEndpoints(Apps apps, RequestCounters counters, FaultRegistry faults, EmulatorClock clock) {
        this.apps = apps;
        this.counters = counters;
        this.faults = faults;
        this.clock = clock;
    }

    public void register(Router router, String prefix) {
        String app = prefix + "/apps/{appId}";
        String user = app + "/users/{userId}";
        router.add(
                        "GET",
                        prefix + "/apps",
                        request -> Response.json(
                                200,
                                new BsonArray(apps.all().stream()
                                        .map(AdminEndpoints::summary)
                                        .toList())))
                .add("GET", app, request -> Response.json(200, summary(app(request))))
                .add("GET", app + "/users", this::users)
                .add("DELETE", app + "/users", request -> {
                    app(request).state().reset();
                    return Response.noContent();
                })
                .add("GET", app + "/confirmations", request -> pending(request, EmailToken.CONFIRM))
                .add("GET", app + "/resets", request -> pending(request, EmailToken.RESET))
                .add(
                        "PUT",
                        user + "/disable",
                        request -> userChange(
                                request, (target, id) -> target.state().setDisabled(id, true)))
                .add(
                        "PUT",
                        user + "/enable",
                        request -> userChange(
                                request, (target, id) -> target.state().setDisabled(id, false)))
                .add(
                        "PUT",
                        user + "/logout",
                        request -> userChange(
                                request, (target, id) -> target.state().revokeSessions(id)))
                .add("PUT", user + "/custom_data", this::setCustomData)
                .add(
                        "DELETE",
                        user + "/custom_data",
                        request -> userChange(
                                request, (target, id) -> target.state().setCustomData(id, null)))
                .add(
                        "GET",
                        app + "/counters",
                        request -> Response.json(
                                200, counts(counters.forApp(app(request).id()))))
                .add("GET", prefix + "/counters", request -> Response.json(200, counts(counters.totals())))
                .add("DELETE", prefix + "/counters", request -> {
                    counters.reset();
                    return Response.noContent();
                })
                .add(
                        "GET",
                        prefix + "/faults",
                        request -> Response.json(
                                200,
                                new BsonArray(faults.list().stream()
                                        .map(entry -> document()
                                                .put("id", entry.getKey())
                                                .put("fault", entry.getValue().toDocument())
                                                .build())
                                        .toList())))
                .add("POST", prefix + "/faults", this::addFault)
                .add("GET", prefix + "/clock", request -> Response.json(200, now(clock.instant())))
                .add("POST", prefix + "/clock/advance", this::advanceClock)
                .add("DELETE", prefix + "/faults", request -> {
                    faults.clear();
                    return Response.noContent();
                })
                .add("DELETE", prefix + "/faults/{faultId}", request -> {
                    if (!faults.remove(request.pathParameter("faultId"))) {
                        throw new ServiceError(
                                404,
                                "ValueNotFound",
                                Messages.invalidFault("no fault with id '" + request.pathParameter("faultId") + "'"));
                    }
                    return Response.noContent();
                });
    }

    private Response users(Request request) {
        return Response.json(
                200,
                new BsonArray(app(request).state().users().stream()
                        .map(AdminEndpoints::summary)
                        .toList()));
    }

    private Response pending(Request request, String kind) {
        return Response.json(
                200,
                new BsonArray(app(request).state().emailTokens(kind).stream()
                        .map(token -> document()
                                .put("email", token.email())
                                .put("token", token.token())
                                .put("tokenId", token.tokenId())
                                .build())
                        .toList()));
    }

    private Response setCustomData(Request request) {
        BsonDocument document = request.jsonBody();
        return userChange(
                request, (target, id) -> target.state().setCustomData(id, JsonSupport.toCanonicalEjson(document)));
    }

    private Response addFault(Request request) {
        try {
            String id = faults.add(FaultDefinition.fromDocument(request.jsonBody()));
            return Response.json(201, document().put("id", id).build());
        } catch (InvalidFaultException e) {
            throw ServiceError.invalidParameter(e.getMessage());
        }
    }

    /** {@code {"seconds": n}}: moves the emulator's clock forward by n seconds (a fraction allowed). */
    private Response advanceClock(Request request) {
        BsonValue seconds = request.jsonBody().get("seconds");
        if (seconds == null
                || !seconds.isNumber()
                || !(seconds.asNumber().doubleValue() >= 0)
                || seconds.asNumber().doubleValue() > MAX_ADVANCE_SECONDS) {
            throw ServiceError.invalidParameter(Messages.invalidClockAdvance(MAX_ADVANCE_SECONDS));
        }
        return Response.json(
                200,
                now(clock.advance(
                        Duration.ofMillis(Math.round(seconds.asNumber().doubleValue() * 1000)))));
    }

    private static BsonDocument now(Instant instant) {
        return document()
                .put("now", instant.toString())
                .put("epochMillis", instant.toEpochMilli())
                .build();
    }

    /** A change to one user; the operation answers whether the user exists. */
    @FunctionalInterface
    private interface UserChange {
        boolean apply(EmulatedApp app, String userId);
    }

    private Response userChange(Request request, UserChange change) {
        EmulatedApp target = app(request);
        String userId = request.pathParameter("userId");
        if (!change.apply(target, userId)) {
            throw new ServiceError(404, "UserNotFound", Messages.unknownAdminUser(target.id(), userId));
        }
        return Response.noContent();
    }

    private EmulatedApp app(Request request) {
        String appId = request.pathParameter("appId");
        return apps.find(appId)
                .orElseThrow(() -> new ServiceError(404, "AppNotFound", Messages.unknownAdminApp(appId)));
    }

    private static BsonDocument summary(EmulatedApp app) {
        return document()
                .put("id", app.id())
                .putArray(
                        "providers",
                        new TreeMap<>(app.settings().providers())
                                .keySet().stream().map(BsonString::new).toList())
                .build();
    }

    private static BsonDocument summary(User user) {
        return document()
                .put("id", user.id())
                .put("type", user.type())
                .put("disabled", user.disabled())
                .putArray(
                        "identities",
                        user.identities().stream()
                                .map(identity -> document()
                                        .put("id", identity.id())
                                        .put("providerType", identity.providerType())
                                        .put("data", identity.data())
                                        .build())
                                .toList())
                .build();
    }

    private static BsonDocument counts(Map<String, Long> counts) {
        DocumentBuilder document = document();
        counts.forEach(document::put);
        return document.build();
    }
}
