package dev.appservices.bench;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.User;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures, in a fresh JVM, the heap that stays reachable (used heap after full collections, from
 * {@link MemoryMXBean}) per App and per logged-in user: {@value #IDLE_APPS} Apps that made no request yet;
 * {@link BenchApps#MEMORY_APPS} Apps in use (each logged one anonymous user in, so it holds its HTTP client, a pooled
 * connection and one user); and {@value #USERS} anonymous users logged in on one App. Each figure is the growth of
 * the used heap divided by the number of instances, with every instance still referenced. A warm-up first loads the
 * classes and fills the caches that every App shares. Run with the serial collector, whose full collection leaves
 * only reachable objects.
 */
public final class MemoryProbe {

    static final int IDLE_APPS = 100;
    static final int USERS = 500;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final int GC_ROUNDS = 10;

    private MemoryProbe() {}

    public static void main(String[] args) throws Exception {
        URI baseUrl = URI.create(args[0]);
        warmUp(baseUrl);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("idleApp", idleApps());
        result.put("appInUse", appsInUse(baseUrl));
        result.put("user", users(baseUrl));
        ChildJvm.printResult(result);
    }

    private static void warmUp(URI baseUrl) {
        try (App app = App.create(
                BenchApps.configuration(BenchApps.memoryApp(0), baseUrl).build())) {
            for (int i = 0; i < 20; i++) {
                User user = app.logIn(Credentials.anonymous(false));
                user.functions().call("sum", Long.class, 1, 2);
            }
        }
        for (int i = 0; i < 10; i++) {
            App.create(BenchApps.configuration("warm-" + i, baseUrl).build()).close();
        }
    }

    private static long idleApps() throws InterruptedException {
        long before = usedAfterGc();
        List<App> apps = new ArrayList<>();
        for (int i = 0; i < IDLE_APPS; i++) {
            apps.add(App.create(BenchApps.configuration("idle-" + i, URI.create("http://127.0.0.1:9"))
                    .build()));
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(apps);
        apps.forEach(App::close);
        return (after - before) / IDLE_APPS;
    }

    private static long appsInUse(URI baseUrl) throws InterruptedException {
        long before = usedAfterGc();
        List<App> apps = new ArrayList<>();
        for (int i = 0; i < BenchApps.MEMORY_APPS; i++) {
            App app = App.create(
                    BenchApps.configuration(BenchApps.memoryApp(i), baseUrl).build());
            app.logIn(Credentials.anonymous(false));
            apps.add(app);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(apps);
        apps.forEach(App::close);
        return (after - before) / BenchApps.MEMORY_APPS;
    }

    private static long users(URI baseUrl) throws InterruptedException {
        try (App app = App.create(
                BenchApps.configuration(BenchApps.memoryApp(0), baseUrl).build())) {
            for (int i = 0; i < 10; i++) {
                app.logIn(Credentials.anonymous(false));
            }
            long before = usedAfterGc();
            for (int i = 0; i < USERS; i++) {
                app.logIn(Credentials.anonymous(false));
            }
            long after = usedAfterGc();
            if (app.allUsers().size() != USERS + 10) {
                throw new IllegalStateException("expected " + (USERS + 10) + " users");
            }
            return (after - before) / USERS;
        }
    }

    /**
     * The used heap once collections free nothing more: objects whose clean-up runs on a {@code Cleaner} thread (the
     * Rest Client's responses and clients) are only freed by the collection after the one that found them
     * unreachable, so a single collection is not enough. The smallest reading after several collections, as another
     * thread may allocate between a collection and the reading.
     */
    private static long usedAfterGc() throws InterruptedException {
        long smallest = Long.MAX_VALUE;
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            Thread.sleep(100);
            if (i >= GC_ROUNDS / 2) {
                smallest = Math.min(smallest, MEMORY.getHeapMemoryUsage().getUsed());
            }
        }
        return smallest;
    }
}
