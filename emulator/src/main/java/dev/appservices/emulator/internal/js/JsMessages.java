package dev.appservices.emulator.internal.js;

import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The messages of the JavaScript runtime, codes {@code APPSVC0950}–{@code APPSVC0979}. They go to clients as the
 * text of a {@code FunctionExecutionError}; they never contain a secret or a value of the app.
 */
final class JsMessages {

    private JsMessages() {
    }

    static String requireUnsupported(String module) {
        return "APPSVC0950: require('" + module + "') is not supported: the emulator runs functions without npm"
                + " dependencies or Node.js modules";
    }

    static String notAFunction(String function) {
        return "APPSVC0951: the function '" + function + "' does not export a function"
                + " (expected exports = function (...) { ... })";
    }

    static String unknownService(String service, Collection<String> known) {
        return "APPSVC0952: the app has no MongoDB data source named '" + service + "' (it has "
                + new TreeSet<>(known) + ")";
    }

    static String noDataService(String service) {
        return "APPSVC0953: the data source '" + service + "' is not served by this emulator";
    }

    static String httpHostNotAllowed(String host) {
        return "APPSVC0954: context.http may not reach host '" + host + "'; the emulator's operator allows hosts"
                + " with --allow-http";
    }

    static String httpFailed(String url, String problem) {
        return "APPSVC0955: context.http request to " + url + " failed: " + problem;
    }

    static String httpBadRequest(String problem) {
        return "APPSVC0956: invalid context.http request: " + problem;
    }

    static String neverSettled(String function) {
        return "APPSVC0957: the function '" + function + "' returned a promise that never settled";
    }

    static String resultNotEjson(String problem) {
        return "APPSVC0958: the function's result cannot be written as Extended JSON: " + problem;
    }

    static String timeLimit(Duration limit) {
        return "APPSVC0960: execution time limit exceeded: the function ran longer than " + limit.toMillis()
                + " ms and was stopped";
    }

    static String internalFailure(String problem) {
        return "APPSVC0959: the JavaScript runtime failed: " + problem;
    }
}
