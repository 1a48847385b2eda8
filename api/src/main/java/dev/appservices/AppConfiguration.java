package dev.appservices;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of one {@link App}: its id, server, timeout, metadata store and request headers.
 *
 * <p>Built with {@link #builder(String)}:
 *
 * <pre>{@code
 * AppConfiguration config = AppConfiguration.builder("orders")
 *         .baseUrl(URI.create("http://127.0.0.1:9090"))
 *         .timeout(Duration.ofSeconds(10))
 *         .metadata(MetadataConfiguration.inMemory())
 *         .build();
 * App app = App.create(config);
 * }</pre>
 *
 * <p>Under CDI the extension builds the configuration from the MicroProfile Config keys
 * {@code appservices.<id>.*} (see the package documentation).
 *
 * <p>Instances are immutable and thread-safe; {@link #equals(Object)} compares every setting. {@link #toString()}
 * shows header names but never header values.
 *
 * @since 0.1
 */
public final class AppConfiguration {

    /**
     * The base URL used when none is configured: the historic Atlas App Services host.
     */
    public static final URI DEFAULT_BASE_URL = URI.create("https://services.cloud.mongodb.com");

    /**
     * The request timeout used when none is configured: 60 seconds.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The name of the header that carries the bearer token when none is configured.
     */
    public static final String DEFAULT_AUTHORIZATION_HEADER_NAME = "Authorization";

    /**
     * The id that may not name an app: {@code appservices.defaults.*} holds the settings shared by all apps.
     */
    public static final String RESERVED_ID = "defaults";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final String id;
    private final URI baseUrl;
    private final Duration timeout;
    private final MetadataConfiguration metadata;
    private final String appName;
    private final String appVersion;
    private final boolean skipLocation;
    private final Map<String, String> headers;
    private final String authorizationHeaderName;
    private final Path syncDirectory;
    private final boolean cancelWaitsOnNonFatalError;

    private AppConfiguration(Builder builder) {
        this.id = builder.id;
        this.baseUrl = builder.baseUrl;
        this.timeout = builder.timeout;
        this.metadata = builder.metadata;
        this.appName = builder.appName;
        this.appVersion = builder.appVersion;
        this.skipLocation = builder.skipLocation;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.authorizationHeaderName = builder.authorizationHeaderName;
        this.syncDirectory = builder.syncDirectory;
        this.cancelWaitsOnNonFatalError = builder.cancelWaitsOnNonFatalError;
    }

    /**
     * Starts a configuration for the app {@code id}, with every other setting at its default.
     *
     * @param id the app id: matches {@code [a-z0-9][a-z0-9-]*} and is not {@value #RESERVED_ID}
     * @return a new builder
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException if {@code id} is malformed ({@code APPSVC0100}) or reserved
     *         ({@code APPSVC0101})
     */
    public static Builder builder(String id) {
        return new Builder(checkId(id));
    }

    /**
     * Starts a configuration with every setting copied from {@code existing}.
     *
     * @param existing the configuration to copy
     * @return a new builder
     * @throws NullPointerException if {@code existing} is null
     */
    public static Builder builder(AppConfiguration existing) {
        ApiMessages.requireNonNull(existing, "existing");
        Builder builder = new Builder(existing.id);
        builder.baseUrl = existing.baseUrl;
        builder.timeout = existing.timeout;
        builder.metadata = existing.metadata;
        builder.appName = existing.appName;
        builder.appVersion = existing.appVersion;
        builder.skipLocation = existing.skipLocation;
        builder.headers.putAll(existing.headers);
        builder.authorizationHeaderName = existing.authorizationHeaderName;
        builder.syncDirectory = existing.syncDirectory;
        builder.cancelWaitsOnNonFatalError = existing.cancelWaitsOnNonFatalError;
        return builder;
    }

    /**
     * Tells whether {@code id} may name an app: it matches {@code [a-z0-9][a-z0-9-]*} and is not
     * {@value #RESERVED_ID}. The same rule applies to {@link AppServices#id()} and to configuration keys.
     *
     * @param id the candidate id, may be null
     * @return {@code true} if the id is valid
     */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches() && !RESERVED_ID.equals(id);
    }

    /**
     * Returns the app id.
     *
     * @return the app id, never null
     */
    public String id() {
        return id;
    }

    /**
     * Returns the configured base URL, without trailing slashes.
     *
     * @return the base URL, or empty to use {@link #DEFAULT_BASE_URL}
     */
    public Optional<URI> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /**
     * Returns the timeout of every request (location, login, refresh, functions…).
     *
     * @return a positive duration, by default {@link #DEFAULT_TIMEOUT}
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Returns how users and tokens are stored.
     *
     * @return the metadata configuration, by default {@link MetadataMode#NO_ENCRYPTION} in
     *         {@code ${user.home}/.appservices}
     */
    public MetadataConfiguration metadata() {
        return metadata;
    }

    /**
     * Returns the local application name, sent with every login in {@code options.device}.
     *
     * @return the application name, or empty if none is configured
     */
    public Optional<String> appName() {
        return Optional.ofNullable(appName);
    }

    /**
     * Returns the local application version, sent with every login in {@code options.device}.
     *
     * @return the application version, or empty if none is configured
     */
    public Optional<String> appVersion() {
        return Optional.ofNullable(appVersion);
    }

    /**
     * Tells whether the location request is skipped, so that the base URL itself is used as the host for every
     * request (needed behind reverse proxies that do not forward the location request).
     *
     * @return {@code true} to skip location discovery; {@code false} by default
     */
    public boolean skipLocation() {
        return skipLocation;
    }

    /**
     * Returns the extra headers sent with every request.
     *
     * @return an unmodifiable map from header name to value, in insertion order; empty by default
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Returns the name of the header that carries {@code Bearer <token>}, for proxies that own the standard one.
     *
     * @return the header name, by default {@link #DEFAULT_AUTHORIZATION_HEADER_NAME}
     */
    public String authorizationHeaderName() {
        return authorizationHeaderName;
    }

    /**
     * Returns the directory of the App's synced databases, one sub-directory per user.
     *
     * @return the directory; empty for the default, {@code <metadata directory>/<id>/sync}
     */
    public Optional<Path> syncDirectory() {
        return Optional.ofNullable(syncDirectory);
    }

    /**
     * Tells whether sync waits fail at the first non-fatal error when a
     * {@link dev.appservices.sync.SyncConfiguration} does not say.
     *
     * @return the default of {@code cancelWaitsOnNonFatalError}; {@code false} by default
     */
    public boolean cancelWaitsOnNonFatalError() {
        return cancelWaitsOnNonFatalError;
    }

    /**
     * Compares every setting.
     *
     * @param other the object to compare with
     * @return {@code true} if {@code other} is an {@code AppConfiguration} with equal settings
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof AppConfiguration)) {
            return false;
        }
        AppConfiguration that = (AppConfiguration) other;
        return id.equals(that.id)
                && Objects.equals(baseUrl, that.baseUrl)
                && timeout.equals(that.timeout)
                && metadata.equals(that.metadata)
                && Objects.equals(appName, that.appName)
                && Objects.equals(appVersion, that.appVersion)
                && skipLocation == that.skipLocation
                && headers.equals(that.headers)
                && authorizationHeaderName.equals(that.authorizationHeaderName)
                && Objects.equals(syncDirectory, that.syncDirectory)
                && cancelWaitsOnNonFatalError == that.cancelWaitsOnNonFatalError;
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                baseUrl,
                timeout,
                metadata,
                appName,
                appVersion,
                skipLocation,
                headers,
                authorizationHeaderName,
                syncDirectory,
                cancelWaitsOnNonFatalError);
    }

    /**
     * Describes the configuration for logs. Header values are left out, since they may carry credentials for a
     * proxy; only header names are shown.
     *
     * @return a description without secrets
     */
    @Override
    public String toString() {
        return "AppConfiguration[id=" + id
                + ", baseUrl=" + (baseUrl == null ? "(default)" : baseUrl)
                + ", timeout=" + timeout
                + ", metadata=" + metadata
                + ", appName=" + (appName == null ? "(none)" : appName)
                + ", appVersion=" + (appVersion == null ? "(none)" : appVersion)
                + ", skipLocation=" + skipLocation
                + ", headers=" + headers.keySet()
                + ", authorizationHeaderName=" + authorizationHeaderName
                + ", syncDirectory=" + (syncDirectory == null ? "(default)" : syncDirectory)
                + ", cancelWaitsOnNonFatalError=" + cancelWaitsOnNonFatalError + "]";
    }

    /**
     * Checks that {@code id} may name an app, as {@link #isValidId(String)} tells, with the reason when it may not.
     *
     * @param id the candidate id
     * @return {@code id}
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException if {@code id} is malformed ({@code APPSVC0100}) or reserved
     *         ({@code APPSVC0101})
     */
    public static String checkId(String id) {
        ApiMessages.requireNonNull(id, "id");
        if (RESERVED_ID.equals(id)) {
            throw ApiMessages.reservedAppId(id);
        }
        if (!ID.matcher(id).matches()) {
            throw ApiMessages.malformedAppId(id);
        }
        return id;
    }

    private static String checkHeaderName(String what, String name) {
        if (!TOKEN.matcher(ApiMessages.requireNonNull(name, what)).matches()) {
            throw ApiMessages.invalidHeaderName(what, name);
        }
        return name;
    }

    /**
     * Builds an {@link AppConfiguration}. Each setter validates its argument immediately; {@link #build()} can be
     * called repeatedly and returns independent immutable configurations.
     *
     * <p>Builders are not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {

        private final String id;
        private URI baseUrl;
        private Duration timeout = DEFAULT_TIMEOUT;
        private MetadataConfiguration metadata = MetadataConfiguration.builder().build();
        private String appName;
        private String appVersion;
        private boolean skipLocation;
        private Path syncDirectory;
        private boolean cancelWaitsOnNonFatalError;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String authorizationHeaderName = DEFAULT_AUTHORIZATION_HEADER_NAME;

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the server. Trailing slashes are removed.
         *
         * @param url an absolute {@code http} or {@code https} URL with a host and without user info, query or
         *            fragment; {@code null} to use {@link #DEFAULT_BASE_URL}
         * @return this builder
         * @throws IllegalArgumentException if the URL is not acceptable ({@code APPSVC0102})
         */
        public Builder baseUrl(URI url) {
            this.baseUrl = url == null ? null : BaseUrls.normalize(url);
            return this;
        }

        /**
         * Sets the timeout of every request.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is zero or negative ({@code APPSVC0103})
         */
        public Builder timeout(Duration timeout) {
            ApiMessages.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw ApiMessages.nonPositiveTimeout(timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets how users and tokens are stored.
         *
         * @param metadata the metadata configuration
         * @return this builder
         * @throws NullPointerException if {@code metadata} is null
         */
        public Builder metadata(MetadataConfiguration metadata) {
            this.metadata = ApiMessages.requireNonNull(metadata, "metadata");
            return this;
        }

        /**
         * Sets the local application name sent with every login.
         *
         * @param appName the name, or {@code null} to send none
         * @return this builder
         */
        public Builder appName(String appName) {
            this.appName = appName;
            return this;
        }

        /**
         * Sets the local application version sent with every login.
         *
         * @param appVersion the version, or {@code null} to send none
         * @return this builder
         */
        public Builder appVersion(String appVersion) {
            this.appVersion = appVersion;
            return this;
        }

        /**
         * Sets whether to skip the location request and use the base URL as the host of every request.
         *
         * @param skipLocation {@code true} to skip location discovery
         * @return this builder
         */
        public Builder skipLocation(boolean skipLocation) {
            this.skipLocation = skipLocation;
            return this;
        }

        /**
         * Adds a header sent with every request. A header of the same name (ignoring case) set before is replaced.
         *
         * @param name  the header name, an RFC 9110 token
         * @param value the header value, without CR, LF or NUL
         * @return this builder
         * @throws NullPointerException if {@code name} or {@code value} is null
         * @throws IllegalArgumentException if {@code name} is not a token ({@code APPSVC0104}) or {@code value}
         *         contains a control character ({@code APPSVC0108}); the message never shows the value
         */
        public Builder header(String name, String value) {
            checkHeaderName("header name", name);
            ApiMessages.requireNonNull(value, "value");
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
                throw ApiMessages.invalidHeaderValue(name);
            }
            headers.keySet().removeIf(name::equalsIgnoreCase);
            headers.put(name, value);
            return this;
        }

        /**
         * Sets the name of the header that carries {@code Bearer <token>}.
         *
         * @param name the header name, an RFC 9110 token
         * @return this builder
         * @throws NullPointerException if {@code name} is null
         * @throws IllegalArgumentException if {@code name} is not a token ({@code APPSVC0104})
         */
        public Builder authorizationHeaderName(String name) {
            this.authorizationHeaderName = checkHeaderName("authorization header name", name);
            return this;
        }

        /**
         * Sets the directory of the App's synced databases.
         *
         * @param directory the directory, or {@code null} for {@code <metadata directory>/<id>/sync}
         * @return this builder
         */
        public Builder syncDirectory(Path directory) {
            this.syncDirectory = directory;
            return this;
        }

        /**
         * Sets whether sync waits fail at the first non-fatal error when a sync configuration does not say.
         *
         * @param cancel {@code true} to fail them
         * @return this builder
         */
        public Builder cancelWaitsOnNonFatalError(boolean cancel) {
            this.cancelWaitsOnNonFatalError = cancel;
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @return a new immutable configuration
         */
        public AppConfiguration build() {
            return new AppConfiguration(this);
        }
    }
}
