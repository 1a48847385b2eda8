package dev.appservices.extension.internal.telemetry;

/** Whether the OpenTelemetry API is visible to the extension; found out once, without loading it for good. */
final class OpenTelemetryPresence {

    static final boolean API_PRESENT = present();

    private OpenTelemetryPresence() {}

    private static boolean present() {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, OpenTelemetryPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
