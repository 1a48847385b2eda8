package dev.appservices;

import java.util.Optional;

/**
 * A configuration value is missing or invalid, or an app id is unknown. Its error code is always
 * {@link ErrorCode#CUSTOM_ERROR}.
 *
 * <p>Thrown at run time (for example by {@link App#getApp(String)} for an id nobody configured); at deployment the
 * CDI extension reports the same problems as deployment problems, with this exception as the cause.
 *
 * <p>Immutable once thrown and safe to share between threads. Messages follow the rules of
 * {@link AppServicesException}: they name the full configuration key but never a secret value (such as a
 * key-store password).
 *
 * @since 0.1
 */
public class AppServicesConfigException extends AppServicesException {

    private static final long serialVersionUID = 1L;

    private final String propertyName;
    private final String appId;

    /**
     * Creates an exception.
     *
     * @param message      the message, starting with {@code APPSVCnnnn:}
     * @param propertyName the full configuration key concerned (for example {@code appservices.orders.timeout}), or
     *                     null if no single key is concerned
     * @param appId        the app id concerned, or null if none
     */
    public AppServicesConfigException(String message, String propertyName, String appId) {
        this(message, propertyName, appId, null);
    }

    /**
     * Creates an exception caused by another exception (for example a failed conversion).
     *
     * @param message      the message, starting with {@code APPSVCnnnn:}
     * @param propertyName the full configuration key concerned, or null if no single key is concerned
     * @param appId        the app id concerned, or null if none
     * @param cause        the cause, may be null
     */
    public AppServicesConfigException(String message, String propertyName, String appId, Throwable cause) {
        super(message, ErrorCode.CUSTOM_ERROR, cause);
        this.propertyName = propertyName;
        this.appId = appId;
    }

    /**
     * Returns the full configuration key concerned.
     *
     * @return the key, for example {@code appservices.orders.timeout}, or empty if no single key is concerned
     */
    public Optional<String> propertyName() {
        return Optional.ofNullable(propertyName);
    }

    /**
     * Returns the app id concerned.
     *
     * @return the app id, or empty if none
     */
    public Optional<String> appId() {
        return Optional.ofNullable(appId);
    }
}
