package dev.appservices.extension.internal.cdi;

import dev.appservices.AppServicesConfigException;
import dev.appservices.extension.internal.config.ConfigKeys;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The message factory of the CDI extension: definition and deployment problems (APPSVC0001–0099) and failures at
 * run time of the extension's own code (APPSVC0400–0499). Every message names where the problem is: the injection
 * point or observer method, and for configuration problems the full key (from the {@link AppServicesConfigException}
 * it carries as cause).
 */
public final class CdiMessages {

    private CdiMessages() {}

    /**
     * A qualifier whose id is blank but not empty.
     *
     * @param id    the id as written
     * @param where the readable injection point or observer method
     * @return the definition error
     */
    public static DefinitionException blankId(String id, String where) {
        return new DefinitionException("APPSVC0001: @AppServices(id = \"" + id + "\") " + where
                + " has a blank id: write @AppServices for the default App or name an app id");
    }

    /**
     * A qualifier whose id does not match the id syntax.
     *
     * @param id    the id as written
     * @param where the readable injection point or observer method
     * @return the definition error
     */
    public static DefinitionException malformedId(String id, String where) {
        return new DefinitionException("APPSVC0002: @AppServices(id = \"" + id + "\") " + where
                + " is malformed: app ids match [a-z0-9][a-z0-9-]*");
    }

    /**
     * A qualifier that uses the reserved id.
     *
     * @param where the readable injection point or observer method
     * @return the definition error
     */
    public static DefinitionException reservedId(String where) {
        return new DefinitionException("APPSVC0003: @AppServices(id = \"" + ConfigKeys.DEFAULTS + "\") " + where
                + " uses a reserved id: " + ConfigKeys.section(ConfigKeys.DEFAULTS)
                + "* holds the settings shared by every App");
    }

    /**
     * An observer method qualified with the default {@code @AppServices}, which no event ever matches.
     *
     * @param where the readable observer method
     * @return the definition error
     */
    public static DefinitionException observerWithoutId(String where) {
        return new DefinitionException("APPSVC0004: @AppServices without an id " + where
                + " would never be notified: events are qualified with the id of their App, so write "
                + "@AppServices(id = \"...\")");
    }

    /**
     * A configuration problem found at deployment.
     *
     * @param subject what the configuration is for, with where it is used
     * @param cause   the problem, naming the full key
     * @return the deployment problem
     */
    public static DeploymentException invalidConfiguration(String subject, AppServicesConfigException cause) {
        return new DeploymentException(
                "APPSVC0005: invalid configuration of " + subject + ": " + cause.getMessage(), cause);
    }

    // --- fragments naming what a configuration is for and where it is used, for invalidConfiguration ---------

    /** {@code injected <place>}. */
    public static String injected(String place) {
        return "injected " + place;
    }

    /** {@code injected as default App <place>}. */
    public static String injectedAsDefault(String place) {
        return "injected as default App " + place;
    }

    /** How an id listed in {@code appservices.ids} is used. */
    public static String listed() {
        return "listed in " + ConfigKeys.IDS;
    }

    /** How the id named by {@code appservices.app-id} is used. */
    public static String namedAsDefault() {
        return "named by " + ConfigKeys.APP_ID;
    }

    /** The subject of the problems of {@code appservices.ids} itself. */
    public static String listedApps() {
        return "the Apps listed in " + ConfigKeys.IDS;
    }

    /** An App and its uses: {@code App 'orders' (injected at …; listed in appservices.ids)}. */
    public static String app(String id, List<String> usages) {
        return "App '" + id + "' (" + String.join("; ", usages) + ")";
    }

    /** The default App and the places that inject it, if any. */
    public static String defaultApp(Collection<String> places) {
        return places.isEmpty()
                ? "the default App"
                : "the default App ("
                        + places.stream().map(CdiMessages::injected).collect(Collectors.joining("; ")) + ")";
    }

    /**
     * Log message: a synchronous observer threw while an App event was delivered.
     *
     * @param event the event (its description carries no secret)
     * @return the message
     */
    public static String observerFailed(Object event) {
        return "APPSVC0400: a CDI observer of " + event + " threw an exception; the App is not affected";
    }

    /**
     * Log message: an asynchronous observer failed.
     *
     * @param event the event (its description carries no secret)
     * @return the message
     */
    public static String asyncObserverFailed(Object event) {
        return "APPSVC0401: an asynchronous CDI observer of " + event + " failed; the App is not affected";
    }

    /**
     * Log message: closing an App when its bean was destroyed failed.
     *
     * @param appId the App id
     * @return the message
     */
    public static String closeFailed(String appId) {
        return "APPSVC0402: closing App '" + appId + "' at the end of its CDI bean failed";
    }

    /**
     * Log message: closing an App that was still open when the application's CDI container stopped failed.
     *
     * @param appId the App id
     * @return the message
     */
    public static String shutdownCloseFailed(String appId) {
        return "APPSVC0403: closing App '" + appId + "' when the CDI container of its application stopped failed";
    }
}
