package dev.appservices.emulator.internal.js;

import dev.appservices.emulator.internal.messages.Messages;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Runs the JavaScript functions of one app. Contexts are pooled: a call takes an idle context (or creates one,
 * about ten milliseconds with the shared engine), runs, and gives it back, so warm calls pay neither context creation
 * nor parsing. A context serves one call at a time; app globals survive between calls of the same app, as in the
 * service's warm function containers.
 *
 * <p>A watchdog stops a call that runs longer than the time limit by cancelling its context ({@code while(true){}}
 * included); the context is then dropped and the call fails, while other calls go on in their own contexts.
 * Thread-safe.
 */
public final class JsRuntime implements AutoCloseable {

    private static final Logger LOG = System.getLogger(JsRuntime.class.getName());

    private final JsEngine engine;
    private final ScriptApp app;
    private final ServiceGateway services;
    private final HttpGateway http;
    private final Duration timeLimit;
    private final String appJson;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Pooled> idle = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Closed while {@link #warmUpInBackground()} prepares the first context. */
    private volatile CountDownLatch warming = new CountDownLatch(0);

    public JsRuntime(JsEngine engine, ScriptApp app, ServiceGateway services, HttpGateway http, Duration timeLimit) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.app = Objects.requireNonNull(app, "app");
        this.services = Objects.requireNonNull(services, "services");
        this.http = Objects.requireNonNull(http, "http");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        this.appJson = appJson(app);
    }

    public ScriptApp app() {
        return app;
    }

    /**
     * Runs a function.
     *
     * @param name the function (private ones included: the caller checks who may call what)
     * @param arguments its arguments
     * @param frame who calls, and the request
     * @return the result
     * @throws FunctionFailure with the message the client sees as {@code FunctionExecutionError}
     */
    public BsonValue call(String name, BsonArray arguments, CallFrame frame) {
        Pooled pooled = acquire();
        AtomicBoolean finished = new AtomicBoolean();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        ScheduledFuture<?> watchdog = engine.watchdog()
                .schedule(
                        () -> {
                            if (finished.compareAndSet(false, true)) {
                                pooled.context.close(true);
                            }
                        },
                        timeLimit.toNanos(),
                        TimeUnit.NANOSECONDS);
        BsonValue result;
        try {
            pooled.bridge.begin(frame, () -> Duration.ofNanos(deadline - System.nanoTime()));
            Value box = pooled.run.execute(name, Ejson.wrap(arguments), frame.toJson(), integerType(arguments));
            result = settle(name, box);
        } catch (PolyglotException e) {
            if (e.isCancelled() || finished.get()) {
                throw new FunctionFailure(Messages.timeLimit(timeLimit));
            }
            if (e.isGuestException()) {
                throw new FunctionFailure(e.getMessage());
            }
            throw new FunctionFailure(Messages.internalFailure(String.valueOf(e.getMessage())));
        } catch (IllegalStateException e) {
            // a context closed by the watchdog between two steps of this call
            if (finished.get()) {
                throw new FunctionFailure(Messages.timeLimit(timeLimit));
            }
            throw e;
        } finally {
            watchdog.cancel(false);
            if (finished.compareAndSet(false, true)) {
                release(pooled);
            }
        }
        return result;
    }

    /**
     * Prepares the first context on a thread of its own, so that the first call does not pay for it: calls that
     * come meanwhile wait for it rather than making another one at the same time, which would take the same CPU.
     */
    public void warmUpInBackground() {
        CountDownLatch latch = new CountDownLatch(1);
        warming = latch;
        Thread thread = new Thread(
                () -> {
                    try {
                        release(create());
                    } catch (RuntimeException e) {
                        // closed while warming up: the next call, if any, makes its own context
                        LOG.log(Level.DEBUG, "JavaScript warm-up of app " + app.id() + " stopped", e);
                    } finally {
                        latch.countDown();
                    }
                },
                "appservices-emulator-js-warm-up-" + app.id());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops every idle context; calls in flight finish in theirs, which are then closed. */
    @Override
    public void close() {
        closed.set(true);
        for (Pooled pooled = idle.poll(); pooled != null; pooled = idle.poll()) {
            pooled.context.close(true);
        }
    }

    Source source(String name) {
        return sources.computeIfAbsent(name, key -> {
            ScriptFunction function = app.functions().get(key);
            if (function == null) {
                throw new IllegalArgumentException("function not found: '" + key + "'");
            }
            return JsEngine.source(function);
        });
    }

    ServiceGateway services() {
        return services;
    }

    HttpGateway http() {
        return http;
    }

    private static BsonValue settle(String name, Value box) {
        String state = box.getMember("state").asString();
        switch (state) {
            case "ok":
                try {
                    return Ejson.unwrap(box.getMember("value").asString());
                } catch (JsonParseException | IllegalArgumentException e) {
                    throw new FunctionFailure(Messages.resultNotEjson(String.valueOf(e.getMessage())));
                }
            case "error":
                throw new FunctionFailure(box.getMember("message").asString());
            default:
                throw new FunctionFailure(Messages.neverSettled(name));
        }
    }

    /**
     * The BSON type integral JavaScript results take: the widest number type among the top-level arguments
     * (JavaScript has one number type; this keeps an int64 sum an int64 and a double sum a double).
     */
    private static String integerType(BsonArray arguments) {
        String type = "int32";
        for (BsonValue argument : arguments) {
            if (argument.isDouble() || argument.isDecimal128()) {
                return "double";
            }
            if (argument.isInt64()) {
                type = "int64";
            }
        }
        return type;
    }

    /** An idle context (after the warm-up, if one is running), else a new one. */
    private Pooled acquire() {
        Pooled pooled = idle.poll();
        if (pooled == null && warming.getCount() > 0) {
            try {
                warming.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pooled = idle.poll();
        }
        return pooled != null ? pooled : create();
    }

    private void release(Pooled pooled) {
        if (closed.get()) {
            pooled.context.close();
        } else {
            idle.push(pooled);
        }
    }

    private Pooled create() {
        HostBridge bridge = new HostBridge(this);
        Context context = engine.newContext(new ConsoleLog(app.id()));
        bridge.attach(context);
        Value run = context.eval(engine.prelude()).execute(bridge, appJson).getMember("run");
        return new Pooled(context, bridge, run);
    }

    private static String appJson(ScriptApp app) {
        BsonDocument functions = new BsonDocument();
        app.functions()
                .forEach((name, function) -> functions.append(
                        name, new BsonDocument("runAsSystem", BsonBoolean.valueOf(function.runAsSystem()))));
        BsonArray services = new BsonArray();
        app.services().forEach(service -> services.add(new BsonString(service)));
        return new BsonDocument("appJson", new BsonString(Ejson.wrap(app.info())))
                .append("environmentJson", new BsonString(Ejson.wrap(app.environment())))
                .append("valuesJson", new BsonString(Ejson.wrap(app.values())))
                .append("functions", functions)
                .append("services", services)
                .toJson();
    }

    /** One context with its prelude's entry point. */
    private record Pooled(Context context, HostBridge bridge, Value run) {}

    /** {@code console.log} of an app's functions, one log record per line. */
    private static final class ConsoleLog extends OutputStream {

        private final String appId;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        ConsoleLog(String appId) {
            this.appId = appId;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                LOG.log(Level.INFO, "[" + appId + "] " + line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
