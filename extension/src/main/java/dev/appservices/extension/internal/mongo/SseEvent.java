package dev.appservices.extension.internal.mongo;

/**
 * One dispatched server-sent event.
 *
 * @param type the {@code event:} field; empty when the event had none
 * @param data the {@code data:} lines joined with LF, percent-decoded
 */
record SseEvent(String type, String data) {

    /** Whether this is a change event: type empty or {@code message}. */
    boolean isMessage() {
        return type.isEmpty() || type.equals("message");
    }

    /** Whether this is the server's error that ends the stream. */
    boolean isError() {
        return type.equals("error");
    }
}
