package dev.appservices.it;

import org.jboss.arquillian.container.spi.client.container.DeploymentExceptionTransformer;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.as.arquillian.container.ExceptionTransformer;

/**
 * Adapts Arquillian to these tests (registered in {@code META-INF/services}; the test JVM only):
 * <ul>
 * <li>replaces the WildFly adapter's pass-through exception transformer with {@link WeldErrorTransformer}. Replacing
 * rather than adding matters because Arquillian uses the first transformer that answers, in no defined order, and
 * WildFly's always answers. On Open Liberty nothing is replaced and the transformer only joins in;</li>
 * <li>records deployment failures for {@link DeploymentFailures};</li>
 * <li>closes the {@link Backends} of each test class after it ({@link BackendsCleanup}).</li>
 * </ul>
 */
public final class IntegrationTestExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeploymentExceptionTransformer.class, ExceptionTransformer.class, WeldErrorTransformer.class);
        builder.observer(DeploymentFailures.Recorder.class);
        builder.observer(BackendsCleanup.class);
    }
}
