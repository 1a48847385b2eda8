package dev.appservices.extension.internal.config;

import dev.appservices.AppServicesConfigException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The message factory of the configuration area (codes APPSVC0130–0199): every problem found in the MicroProfile
 * Config keys {@code appservices.*}. Each message names the full key that holds the faulty value and the App id;
 * values of secret keys (key-store password, encryption key) and header values never appear, and a base URL that
 * cannot be parsed is not repeated (it could carry credentials).
 */
final class ConfigMessages {

    private ConfigMessages() {}

    static AppServicesConfigException invalidId(String key, String value) {
        return new AppServicesConfigException(
                "APPSVC0130: " + key + " = '" + value
                        + "' is not a valid app id: it must match [a-z0-9][a-z0-9-]* and not be '" + ConfigKeys.DEFAULTS
                        + "'",
                key,
                null);
    }

    static AppServicesConfigException missingAppId() {
        return new AppServicesConfigException(
                "APPSVC0146: " + ConfigKeys.APP_ID + " is not set: it names the App that a bare @AppServices injects",
                ConfigKeys.APP_ID,
                null);
    }

    static AppServicesConfigException unparsableBaseUrl(String key, String appId, String reason, int index) {
        return new AppServicesConfigException(
                "APPSVC0131: " + key + " of App '" + appId + "' is not a URI: " + reason + " at index " + index,
                key,
                appId);
    }

    static AppServicesConfigException unusableBaseUrl(String key, String appId, IllegalArgumentException cause) {
        return new AppServicesConfigException(
                "APPSVC0132: " + key + " of App '" + appId + "' is not a usable base URL: " + cause.getMessage(),
                key,
                appId,
                cause);
    }

    static AppServicesConfigException unparsableTimeout(String key, String appId, String value) {
        return new AppServicesConfigException(
                "APPSVC0133: " + key + " = '" + value + "' of App '" + appId
                        + "' is neither a number of milliseconds (60000) nor an ISO-8601 duration (PT60S)",
                key,
                appId);
    }

    static AppServicesConfigException nonPositiveTimeout(String key, String appId, String value) {
        return new AppServicesConfigException(
                "APPSVC0134: " + key + " = '" + value + "' of App '" + appId + "' is not a positive duration",
                key,
                appId);
    }

    static AppServicesConfigException invalidBoolean(String key, String appId, String value) {
        return new AppServicesConfigException(
                "APPSVC0135: " + key + " = '" + value + "' of App '" + appId + "' is not a boolean: use true or false",
                key,
                appId);
    }

    static AppServicesConfigException invalidHeader(String key, String appId, IllegalArgumentException cause) {
        return new AppServicesConfigException(
                "APPSVC0136: " + key + " of App '" + appId + "' is not a valid request header: " + cause.getMessage(),
                key,
                appId,
                cause);
    }

    static AppServicesConfigException unknownValue(String key, String appId, String value, Stream<String> allowed) {
        return new AppServicesConfigException(
                "APPSVC0137: " + key + " = '" + value + "' of App '" + appId + "' is not one of "
                        + allowed.collect(Collectors.joining(", ")),
                key,
                appId);
    }

    static AppServicesConfigException invalidDirectory(String key, String appId, String value, Exception cause) {
        return new AppServicesConfigException(
                "APPSVC0138: " + key + " = '" + value + "' of App '" + appId + "' is not a valid path: "
                        + cause.getMessage(),
                key,
                appId,
                cause);
    }

    static AppServicesConfigException missingKeySource(
            String modeKey, String appId, String keyStoreKey, String encryptionKeyKey) {
        return new AppServicesConfigException(
                "APPSVC0139: " + modeKey + " of App '" + appId
                        + "' is 'encryption' but no key source is configured: set " + keyStoreKey + " or "
                        + encryptionKeyKey + " (or their " + ConfigKeys.section(ConfigKeys.DEFAULTS) + "* fallbacks)",
                modeKey,
                appId);
    }

    static AppServicesConfigException twoKeySources(String keyStoreKey, String encryptionKeyKey, String appId) {
        return new AppServicesConfigException(
                "APPSVC0140: both " + keyStoreKey + " and " + encryptionKeyKey + " are configured for App '" + appId
                        + "': choose one key source",
                keyStoreKey,
                appId);
    }

    static AppServicesConfigException invalidEncryptionKey(String key, String appId, IllegalArgumentException cause) {
        // The cause's message names only the length or "not base64", never the key: safe to repeat.
        return new AppServicesConfigException(
                "APPSVC0141: " + key + " of App '" + appId + "' is not a usable encryption key: " + cause.getMessage(),
                key,
                appId,
                cause);
    }

    static AppServicesConfigException missingKeyStorePassword(String key, String appId, String defaultsKey) {
        return new AppServicesConfigException(
                "APPSVC0142: " + key + " of App '" + appId
                        + "' is not set, but the metadata key store needs a password (also accepted: " + defaultsKey
                        + ")",
                key,
                appId);
    }

    static AppServicesConfigException unreadableKeyStore(String key, String appId, String path) {
        return new AppServicesConfigException(
                "APPSVC0143: " + key + " = '" + path + "' of App '" + appId + "' is not a readable file", key, appId);
    }

    static AppServicesConfigException invalidKeyStoreSetting(String key, String appId, IllegalArgumentException cause) {
        return new AppServicesConfigException(
                "APPSVC0144: " + key + " of App '" + appId + "' is not usable: " + cause.getMessage(),
                key,
                appId,
                cause);
    }

    static String overrideNotVisible(String appId, String key) {
        return "APPSVC0145: the ConfigSource " + AppServicesConfigSource.NAME + " is not part of the MicroProfile "
                + "Config of this application, so the base URL of App '" + appId + "' set at run time is kept by the "
                + "client only and " + key + " does not show it";
    }
}
