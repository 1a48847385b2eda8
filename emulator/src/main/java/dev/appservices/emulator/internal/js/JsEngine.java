package dev.appservices.emulator.internal.js;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The emulator's one GraalJS {@link Engine}, shared by every app's contexts so that code parsed once is reused by
 * every context, and the watchdog thread that enforces time limits.
 *
 * <p>Every context gets the {@link SandboxPolicy#CONSTRAINED} sandbox: no host class lookup or host object access
 * (only the emulator's own proxies), no file, socket or process access, no threads, no native access, no polyglot
 * access. On a stock JDK GraalJS runs in its interpreter; the warning it prints about that is switched off because
 * it is the expected mode here. Thread-safe.
 */
public final class JsEngine implements AutoCloseable {

    private static final String LANGUAGE = "js";
    private static final String PRELUDE = "prelude.js";

    private final Engine engine;
    private final Source prelude;
    private final ScheduledExecutorService watchdog;

    private JsEngine(Engine engine, Source prelude, ScheduledExecutorService watchdog) {
        this.engine = engine;
        this.prelude = prelude;
        this.watchdog = watchdog;
    }

    /** Creates the engine (a few hundred milliseconds: call it once, at start-up). */
    public static JsEngine create() {
        Engine engine = Engine.newBuilder(LANGUAGE)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "appservices-emulator-js-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        return new JsEngine(engine, Source.create(LANGUAGE, resource(PRELUDE)), watchdog);
    }

    /** A new sandboxed context whose {@code console} writes to {@code console}. */
    Context newContext(OutputStream console) {
        return Context.newBuilder(LANGUAGE)
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowHostClassLookup(name -> false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .out(console)
                .err(console)
                .build();
    }

    /** Code of an app function, cached by the engine across contexts. */
    static Source source(ScriptFunction function) {
        // One line: the function's own lines keep their numbers in stack traces.
        String wrapped = "(function (context, require, module, exports) {" + function.source()
                + "\n;return typeof exports === 'function' ? exports : module.exports;\n})";
        return Source.newBuilder(LANGUAGE, wrapped, function.file())
                .cached(true)
                .buildLiteral();
    }

    Source prelude() {
        return prelude;
    }

    ScheduledExecutorService watchdog() {
        return watchdog;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        engine.close(true);
    }

    private static String resource(String name) {
        try (InputStream in = JsEngine.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + JsEngine.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
