package dev.appservices.it.sample;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample's Notes page in a real browser engine (WebKit, see {@link BrowserWindow}) on Open Liberty: its own
 * scripts, its {@code EventSource} and its DOM. Two windows are open on the page; a note added through the form of
 * one appears in the other through the server-sent event, without a reload, and editing another user's note shows
 * the coded refusal. The sample's current user is the App's, not a browser session's: both windows act as the same
 * user. On WildFly the class deploys nothing and its tests are skipped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotesBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOTE_TEXT = "#note-form input[name=text]";
    private static final String ADD_NOTE = "#note-form button[type=submit]";

    /** Answers the owner tag of the note with the text in the page's list ("mine", "by <id>"), or null. */
    private static final String OWNER_OF_NOTE = "(text) => { const note = [...document.querySelectorAll('#notes li')]"
            + ".find(li => li.querySelector('.note-text').textContent === text);"
            + " return note ? note.querySelector('.tag').textContent : null; }";

    private final List<BrowserWindow> windows = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war();
    }

    @AfterEach
    void closeWindows() throws Exception {
        for (BrowserWindow window : windows) {
            window.close();
        }
    }

    @Test
    void aNoteAddedInOneWindowAppearsLiveInTheOther(@ArquillianResource URL base) throws Exception {
        assumeTrue(SampleDeployment.onLiberty(), "the sample runs on Open Liberty");
        BrowserWindow adding = open(base);
        logInAnonymously(adding);
        BrowserWindow watching = open(base);
        awaitLive(watching);
        // the page's EventSource now; a reload or a stream opened again would replace it
        watching.run("() => { window.streamBeforeTheNote = notes.source; }");
        String text = "seen live in the other window " + System.nanoTime();

        adding.type(NOTE_TEXT, text);
        adding.click(ADD_NOTE);

        await("the note in the watching window")
                .atMost(WAIT)
                .until(() -> watching.run(OWNER_OF_NOTE, text), equalTo("mine"));
        assertEquals(
                Boolean.TRUE,
                watching.run("() => notes.source === window.streamBeforeTheNote && notes.source.readyState === 1"),
                "the note came through the stream that was open before it was added, on a page never reloaded");
        await("the note in the adding window")
                .atMost(WAIT)
                .until(() -> adding.run(OWNER_OF_NOTE, text), equalTo("mine"));
        assertEquals("Note added.", adding.text("#notice"));
        await("the form emptied for the next note")
                .atMost(WAIT)
                .until(
                        () -> adding.run("(selector) => document.querySelector(selector).value", NOTE_TEXT),
                        equalTo(""));
    }

    @Test
    void editingAnotherUsersNoteShowsTheCodedRefusal(@ArquillianResource URL base) throws Exception {
        assumeTrue(SampleDeployment.onLiberty(), "the sample runs on Open Liberty");
        BrowserWindow writer = open(base);
        logInAnonymously(writer);
        String writerId = writer.text("#user-id");
        String text = "only its writer may change it " + System.nanoTime();
        writer.type(NOTE_TEXT, text);
        writer.click(ADD_NOTE);
        await().atMost(WAIT).until(() -> writer.run(OWNER_OF_NOTE, text), equalTo("mine"));
        // an anonymous user is removed at logout: the next anonymous login is another user
        writer.click("#logout");
        await().atMost(WAIT).until(() -> writer.shown("#no-user"));
        logInAnonymously(writer);
        assertNotEquals(writerId, writer.text("#user-id"));

        BrowserWindow other = open(base);
        awaitLive(other);
        await().atMost(WAIT).until(() -> other.run(OWNER_OF_NOTE, text), equalTo("by " + writerId));
        other.answerPrompts("changed by someone else");
        other.run(
                "(text) => [...[...document.querySelectorAll('#notes li')]"
                        + ".find(li => li.querySelector('.note-text').textContent === text)"
                        + ".querySelectorAll('button')].find(button => button.textContent === 'Edit').click()",
                text);

        await("the refusal on the page")
                .atMost(WAIT)
                .until(() -> other.text("#notice"), matchesPattern("APPSVC0(651|702): .*"));
        assertTrue(other.shown("#notice"));
        assertEquals(Boolean.TRUE, other.run("() => document.getElementById('notice').classList.contains('error')"));
        assertEquals("by " + writerId, other.run(OWNER_OF_NOTE, text), "the note as it was");
        assertNull(other.run(OWNER_OF_NOTE, "changed by someone else"));
    }

    private BrowserWindow open(URL base) throws Exception {
        // The page by its name, not as the welcome file of /sample/: WebKit in JavaFX asks for HTTP/2 on http: URLs
        // (an h2c upgrade, which browsers never do), and Open Liberty never answers an upgraded request for a
        // welcome file. Its other requests, the event stream among them, are served over HTTP/2.
        BrowserWindow window =
                BrowserWindow.open(URI.create(base.toExternalForm()).resolve("index.html"));
        windows.add(window);
        return window;
    }

    /** Logs in with the page's button and waits until the page shows the user and follows the notes. */
    private static void logInAnonymously(BrowserWindow window) throws Exception {
        window.click("#login-anonymous");
        await("the user on the page").atMost(WAIT).until(() -> window.shown("#user"));
        awaitLive(window);
    }

    private static void awaitLive(BrowserWindow window) {
        await("the page following the notes").atMost(WAIT).until(() -> window.text("#notes-live"), equalTo("live"));
    }
}
