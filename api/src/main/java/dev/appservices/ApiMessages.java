package dev.appservices;

import java.net.URI;

/**
 * The message factory of the API module: every failure raised by a value type of {@code dev.appservices} is built
 * here, so that the {@code APPSVCnnnn:} codes stay unique and no message ever carries a secret.
 *
 * <p>Codes of this module: 0100–0119 (configuration values and arguments) and 0290–0291 (finding the
 * implementation). A code, once published, is never reused for a different meaning.
 */
final class ApiMessages {

    private ApiMessages() {}

    static IllegalArgumentException malformedAppId(String id) {
        return new IllegalArgumentException("APPSVC0100: app id '" + id
                + "' is malformed: it must match [a-z0-9][a-z0-9-]* (for example 'orders' or 'myapp-abcde')");
    }

    static IllegalArgumentException blankAppId() {
        return new IllegalArgumentException("APPSVC0114: app id must not be blank");
    }

    static IllegalArgumentException reservedAppId(String id) {
        return new IllegalArgumentException("APPSVC0101: app id '" + id + "' is reserved: 'appservices." + id
                + ".*' holds the settings shared by every app");
    }

    static IllegalArgumentException invalidBaseUrl(URI url, String reason) {
        return new IllegalArgumentException(
                "APPSVC0102: base URL '" + withoutUserInfo(url) + "' is invalid: " + reason);
    }

    static IllegalArgumentException nonPositiveTimeout(Object timeout) {
        return new IllegalArgumentException("APPSVC0103: timeout " + timeout + " is not positive");
    }

    static IllegalArgumentException invalidHeaderName(String what, String name) {
        return new IllegalArgumentException("APPSVC0104: " + what + " '" + name
                + "' is not a valid HTTP header name (RFC 9110 token characters only)");
    }

    static IllegalArgumentException missingEncryptionKey() {
        return new IllegalArgumentException("APPSVC0105: metadata mode ENCRYPTION needs a key source: "
                + "a key store (metadata.key-store.path) or a raw key (metadata.encryption-key)");
    }

    static IllegalArgumentException wrongEncryptionKeyLength(int length) {
        return new IllegalArgumentException("APPSVC0106: metadata encryption key has " + length
                + " bytes; it must have exactly " + EncryptionKey.LENGTH + " bytes");
    }

    static IllegalArgumentException encryptionKeyNotBase64() {
        // The cause is dropped on purpose: the decoder's message can quote part of the key.
        return new IllegalArgumentException("APPSVC0107: metadata encryption key is not valid base64");
    }

    static IllegalArgumentException invalidHeaderValue(String name) {
        return new IllegalArgumentException(
                "APPSVC0108: value of header '" + name + "' contains a control character (CR, LF or NUL)");
    }

    static NullPointerException nullArgument(String name) {
        return new NullPointerException("APPSVC0109: '" + name + "' must not be null");
    }

    static IllegalArgumentException twoKeySources() {
        return new IllegalArgumentException(
                "APPSVC0110: metadata configuration names both a key store and a raw " + "encryption key; choose one");
    }

    static IllegalArgumentException twoPreviousKeySources() {
        return new IllegalArgumentException("APPSVC0113: metadata configuration names both a previous key store and "
                + "a previous raw encryption key; choose one");
    }

    static IllegalArgumentException blankArgument(String name) {
        return new IllegalArgumentException("APPSVC0111: '" + name + "' must not be blank");
    }

    static IllegalStateException sha256Missing(Throwable cause) {
        return new IllegalStateException("APPSVC0112: the JCA provides no SHA-256 digest", cause);
    }

    static IllegalStateException noImplementation() {
        return new IllegalStateException("APPSVC0290: no App Services implementation on the class path: "
                + "add dev.appservices:appservices-extension");
    }

    static IllegalStateException brokenImplementation(Throwable cause) {
        return new IllegalStateException(
                "APPSVC0291: the App Services implementation could not be loaded: " + cause.getMessage(), cause);
    }

    static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw nullArgument(name);
        }
        return value;
    }

    static String requireNonBlank(String value, String name) {
        if (requireNonNull(value, name).isBlank()) {
            throw blankArgument(name);
        }
        return value;
    }

    /** A URL as it may appear in a message: user info (which may hold a password) is replaced by {@code ***}. */
    static String withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "***@");
    }
}
