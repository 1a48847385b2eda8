package dev.appservices.it.sample;

import jakarta.json.Json;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * A page open in a real browser engine: a JavaFX {@link WebView} (WebKit) on JavaFX's headless platform, so no
 * display is needed (the build sets {@code glass.platform=Headless}). The test acts on the page the way a user's
 * clicks and keys do, through DOM events, and reads what the page shows from its DOM. Every call runs on the JavaFX
 * application thread and waits for it.
 */
final class BrowserWindow {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static boolean platformStarted;

    private final WebView view;

    private BrowserWindow(WebView view) {
        this.view = view;
    }

    /** Opens a new window on the page and waits until the page has loaded (its scripts may still be working). */
    static BrowserWindow open(URI page) throws Exception {
        startPlatform();
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        BrowserWindow window = onFx(() -> {
            WebView view = new WebView();
            WebEngine engine = view.getEngine();
            engine.getLoadWorker().stateProperty().addListener((property, before, state) -> {
                if (state == Worker.State.SUCCEEDED) {
                    loaded.complete(null);
                } else if (state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                    loaded.completeExceptionally(new AssertionError(
                            "loading " + page + " ended " + state,
                            engine.getLoadWorker().getException()));
                }
            });
            engine.load(page.toString());
            return new BrowserWindow(view);
        });
        waitFor(loaded);
        return window;
    }

    /** Types into the field the CSS selector finds: its value changes, with the input event a keyboard causes. */
    void type(String selector, String text) throws Exception {
        run(
                "(selector, text) => { const field = document.querySelector(selector);"
                        + " field.value = text; field.dispatchEvent(new Event('input', { bubbles: true })); }",
                selector,
                text);
    }

    /** Clicks the element the CSS selector finds, as a mouse click does (a submit button submits its form). */
    void click(String selector) throws Exception {
        run("(selector) => document.querySelector(selector).click()", selector);
    }

    /** The text of the element the CSS selector finds, or null when there is none. */
    String text(String selector) throws Exception {
        return (String) run(
                "(selector) => { const element = document.querySelector(selector);"
                        + " return element ? element.textContent : null; }",
                selector);
    }

    /** Whether the element the CSS selector finds is shown (present and not hidden). */
    boolean shown(String selector) throws Exception {
        return (Boolean) run(
                "(selector) => { const element = document.querySelector(selector);"
                        + " return element !== null && !element.hidden; }",
                selector);
    }

    /**
     * Calls a JavaScript function, given as source text, in the page with the strings as arguments, and answers its
     * result as the engine converts it: a String, Integer, Double or Boolean, null, or "undefined".
     */
    Object run(String function, String... arguments) throws Exception {
        // JSON string literals are JavaScript string literals: the arguments arrive as they are, whatever they hold
        String call = "(" + function + ")("
                + Arrays.stream(arguments)
                        .map(argument -> Json.createValue(argument).toString())
                        .collect(Collectors.joining(", "))
                + ")";
        return onFx(() -> view.getEngine().executeScript(call));
    }

    /** From now on, answers every {@code window.prompt} of the page with the text, as a user typing it and OK. */
    void answerPrompts(String answer) throws Exception {
        onFx(() -> {
            view.getEngine().setPromptHandler(prompt -> answer);
            return null;
        });
    }

    /** Leaves the page, which closes its connections (such as its event streams). */
    void close() throws Exception {
        onFx(() -> {
            view.getEngine().load(null);
            return null;
        });
    }

    private static synchronized void startPlatform() throws InterruptedException {
        if (platformStarted) {
            return;
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        // windows come and go between tests: the platform stays up until the test JVM ends
        Platform.setImplicitExit(false);
        if (!started.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the JavaFX platform did not start within " + WAIT);
        }
        platformStarted = true;
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | AssertionError e) {
                result.completeExceptionally(e);
            }
        });
        return waitFor(result);
    }

    private static <T> T waitFor(CompletableFuture<T> result) throws Exception {
        try {
            return result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the browser did not answer within " + WAIT, e);
        }
    }
}
