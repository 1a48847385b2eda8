package dev.appservices.it.injection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.it.BackendProbe;
import dev.appservices.it.Backends;
import dev.appservices.it.Deployments;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injection of one and of several App ids: each {@code @AppServices(id)} injection point gets the App of its id,
 * configured by its own keys (here each id talks to its own backend); a bare {@code @AppServices} gets the App named
 * by {@code appservices.app-id}; ids listed in {@code appservices.ids} are beans without any injection point.
 */
@ExtendWith(ArquillianExtension.class)
class InjectionIT {

    @Inject
    @AppServices(id = "alpha")
    App alpha;

    @Inject
    @AppServices(id = "beta")
    App beta;

    @Inject
    @AppServices
    App defaultApp;

    @Inject
    @Any
    Instance<App> apps;

    @Inject
    @ConfigProperty(name = "appservices.alpha.base-url")
    URI alphaBaseUrl;

    @Deployment
    static WebArchive deployment() {
        URI first = Backends.start("first", Backends.app("alpha"), Backends.app("gamma"));
        URI second = Backends.start("second", Backends.app("beta"));
        return Deployments.appWar(
                "injection",
                Map.of(
                        "appservices.alpha.base-url", first.toString(),
                        "appservices.beta.base-url", second.toString(),
                        "appservices.gamma.base-url", first.toString(),
                        "appservices.app-id", "alpha",
                        "appservices.ids", "gamma"));
    }

    @Test
    void oneIdGetsItsAppConfiguredByItsKeys() {
        assertEquals("alpha", alpha.id());
        assertEquals(alphaBaseUrl, alpha.baseUrl());
        User user = alpha.logIn(Credentials.anonymous());
        assertEquals("first", BackendProbe.backendOf(user));
    }

    @Test
    void severalIdsGetTheirOwnAppsAndBackends() {
        assertEquals("beta", beta.id());
        assertNotEquals(alpha.baseUrl(), beta.baseUrl());
        User alphaUser = alpha.logIn(Credentials.anonymous());
        User betaUser = beta.logIn(Credentials.anonymous());
        assertEquals("first", BackendProbe.backendOf(alphaUser));
        assertEquals("second", BackendProbe.backendOf(betaUser));
        assertEquals(alphaUser.id(), alpha.currentUser().orElseThrow().id());
        assertEquals(betaUser.id(), beta.currentUser().orElseThrow().id());
    }

    @Test
    void bareQualifierGetsTheAppNamedByAppId() {
        assertEquals("alpha", defaultApp.id());
        User user = defaultApp.logIn(Credentials.anonymous(false));
        assertEquals(user.id(), alpha.currentUser().orElseThrow().id(), "the default App is the App 'alpha'");
    }

    @Test
    void instanceSelectsAnAppByItsQualifierLiteral() {
        App selected = apps.select(AppServices.Literal.of("beta")).get();
        assertEquals("beta", selected.id());
        User user = selected.logIn(Credentials.anonymous(false));
        assertEquals(user.id(), beta.currentUser().orElseThrow().id(), "the selected App is the injected one");
    }

    @Test
    void idListedInConfigurationIsABeanWithoutInjectionPoint() {
        App gamma = apps.select(AppServices.Literal.of("gamma")).get();
        assertEquals("gamma", gamma.id());
        assertEquals("first", BackendProbe.backendOf(gamma.logIn(Credentials.anonymous())));
    }
}
