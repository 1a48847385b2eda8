package dev.appservices.sample;

/**
 * The names the sample shares between its classes: the id of the App it uses and the configuration keys that point
 * that App at a backend. The keys are the extension's documented MicroProfile Config keys
 * ({@code appservices.<id>.base-url}, with the fallback {@code appservices.defaults.base-url}).
 */
final class SampleApp {

    /** The App id the sample injects with {@code @AppServices(id = "sample")}. */
    static final String ID = "sample";

    /** Where a user points the sample at a backend (env var {@code APPSERVICES_SAMPLE_BASE_URL}). */
    static final String BASE_URL_KEY = "appservices." + ID + ".base-url";

    /** The base URL every App falls back to; it counts as configured as well. */
    static final String DEFAULT_BASE_URL_KEY = "appservices.defaults.base-url";

    private SampleApp() {}
}
