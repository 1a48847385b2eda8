package dev.appservices.it.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample's notes on Open Liberty, over HTTP as the page uses them: two pages following the notes' events both
 * see a note one of them adds, and changing another user's note is refused with a coded message. The sample is a
 * Liberty sample; on WildFly the class deploys nothing and its tests are skipped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotesPageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war();
    }

    @Test
    void twoPagesSeeANoteAppearLive(@ArquillianResource URL base) throws Exception {
        assumeTrue(SampleDeployment.onLiberty(), "the sample runs on Open Liberty");
        send(base, "POST", "api/login/anonymous", null, 200);
        List<BlockingQueue<String>> pages = List.of(follow(base), follow(base));
        for (BlockingQueue<String> page : pages) {
            assertEquals("event: open", nextEvent(page), "the page is told once its change stream is open");
        }

        send(base, "POST", "api/notes", "{\"text\": \"live from one page\"}", 201);

        for (BlockingQueue<String> page : pages) {
            assertEquals("event: note", nextEvent(page), "each page is told of the change");
            assertEquals("data: insert", page.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertTrue(send(base, "GET", "api/notes", null, 200).contains("\"text\":\"live from one page\""));
    }

    @Test
    void changingAnotherUsersNoteShowsTheCodedRefusal(@ArquillianResource URL base) throws Exception {
        assumeTrue(SampleDeployment.onLiberty(), "the sample runs on Open Liberty");
        send(base, "POST", "api/login/anonymous", null, 200);
        String added = send(base, "POST", "api/notes", "{\"text\": \"mine only\"}", 201);
        String id = added.replaceAll(".*\"id\":\"([0-9a-f]{24})\".*", "$1");
        // an anonymous user is removed at logout: the next anonymous login is another user
        send(base, "POST", "api/user/logout", null, 204);
        send(base, "POST", "api/login/anonymous", null, 200);

        String refusal = send(base, "PUT", "api/notes/" + id, "{\"text\": \"changed by someone else\"}", 403);

        assertTrue(refusal.matches(".*\"message\":\"APPSVC0(651|702): .*"), refusal);
    }

    /** Opens the page's stream of note events; its lines arrive in the queue. */
    private static BlockingQueue<String> follow(URL base) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(uri(base, "api/notes/events"))
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> {
            lines.add("status " + answer.statusCode());
            new Thread(() -> answer.body().forEach(lines::add), "notes-page").start();
        });
        assertEquals("status 200", lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        return lines;
    }

    private static String nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        List<String> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("event:")) {
                return line;
            }
            if (line != null) {
                skipped.add(line);
            }
        }
        return "no event within " + WAIT + " after " + skipped;
    }

    private static String send(URL base, String method, String path, String json, int status)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(base, path)).timeout(WAIT).header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), () -> method + " " + path + " answered " + response.body());
        return response.body();
    }

    private static URI uri(URL base, String path) {
        return URI.create(base.toExternalForm()).resolve(path);
    }
}
