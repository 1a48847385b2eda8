package dev.appservices.it.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.it.Backends;
import dev.appservices.it.Deployments;
import dev.appservices.mongo.ChangeStream;
import dev.appservices.mongo.OperationType;
import dev.appservices.mongo.RemoteMongoCollection;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Remote MongoDB access from inside the server: a request-scoped resource inserts and reads through the injected
 * App, and a change stream opened in the server sees an insert.
 */
@ExtendWith(ArquillianExtension.class)
class RemoteMongoIT {

    @Inject
    @AppServices(id = "board")
    App board;

    @Deployment
    static WebArchive deployment() {
        AppDefinition app = Backends.appWithOpenData("board");
        return Deployments.appWar(
                "mongo",
                Map.of(
                        "appservices.board.base-url",
                        Backends.start("mongo", app).toString()),
                NotesResource.class,
                NotesApplication.class);
    }

    @Test
    @RunAsClient
    void aRequestScopedResourceInsertsAndReadsThroughTheInjectedApp(@ArquillianResource URL base) throws Exception {
        String path = "api/boards/b" + UUID.randomUUID().toString().replace("-", "");
        assertEquals(24, send(base, path, "first").length(), "the id of the inserted note");
        send(base, path, "second");
        assertEquals("first\nsecond", send(base, path, null));
    }

    @Test
    void aChangeStreamInTheServerSeesAnInsert() {
        RemoteMongoCollection<Document> notes = board.logIn(Credentials.anonymous(false))
                .mongoClient("mongodb-atlas")
                .database("boards")
                .collection("watched");
        try (ChangeStream<Document> changes = notes.watch()) {
            notes.insertOne(new Document("text", "seen"));
            assertEquals(
                    OperationType.INSERT,
                    changes.tryNext(Duration.ofSeconds(20)).orElseThrow().operationType());
        }
    }

    /** POSTs {@code text} as plain text, or GETs when it is null; answers the body of a 200. */
    private static String send(URL base, String path, String text) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base.toExternalForm()).resolve(path))
                .timeout(Duration.ofSeconds(30));
        if (text != null) {
            request.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text));
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> path + " answered " + response.body());
        return response.body();
    }
}
