package dev.appservices.emulator.internal.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts requests per route key ({@code "POST /api/client/v2.0/auth/session"}), in total and per app.
 *
 * <p>A request counts once it matched a route, before faults are applied, so a test sees every attempt a client made;
 * requests to the admin API are not counted.
 * Requests to routes without an app id in the path are counted for an app once their token identified it.
 * Thread-safe; lives as long as the emulator.
 */
public final class RequestCounters {

    private final ConcurrentMap<String, LongAdder> totals = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<String, LongAdder>> perApp = new ConcurrentHashMap<>();

    /** Counts a request; {@code appId} is the app of the path, or {@code null}. */
    public void count(String routeKey, String appId) {
        totals.computeIfAbsent(routeKey, key -> new LongAdder()).increment();
        if (appId != null) {
            countForApp(routeKey, appId);
        }
    }

    /** Counts a request for an app that was identified after routing (by its token). */
    public void countForApp(String routeKey, String appId) {
        perApp.computeIfAbsent(appId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(routeKey, key -> new LongAdder())
                .increment();
    }

    /** The totals, sorted by route key. */
    public Map<String, Long> totals() {
        return snapshot(totals);
    }

    /** The counts of one app, sorted by route key. */
    public Map<String, Long> forApp(String appId) {
        return snapshot(perApp.getOrDefault(appId, new ConcurrentHashMap<>()));
    }

    public void reset() {
        totals.clear();
        perApp.clear();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> result = new TreeMap<>();
        counters.forEach((key, adder) -> result.put(key, adder.sum()));
        return result;
    }
}
