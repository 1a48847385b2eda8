package dev.appservices.it;

import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.spi.client.container.DeploymentExceptionTransformer;

/**
 * Turns a deployment failure that a server reports only as text back into the CDI exception it stands for, so
 * that {@code @ShouldThrowException(DeploymentException.class)} works on every server.
 *
 * <p>WildFly's adapter throws Arquillian's own {@code DeploymentException} whose message is the failed management
 * operation's result, such as {@code Caused by: org.jboss.weld.exceptions.DeploymentException: WELD-001408: ...},
 * and no cause. The first Weld exception named in that text is the one the container threw; it becomes a
 * {@link DeploymentException} or a {@link DefinitionException} with the original as its cause. Anything else is
 * left alone ({@code null}), so an unrelated failure never passes for a CDI error. Open Liberty's adapter already
 * rebuilds the real exception chain, where this transformer finds nothing to do.
 */
public final class WeldErrorTransformer implements DeploymentExceptionTransformer {

    private static final Pattern WELD_EXCEPTION = Pattern.compile("org\\.jboss\\.weld\\.exceptions\\.(\\w+)");

    @Override
    public Throwable transform(Throwable exception) {
        if (exception == null || exception.getMessage() == null) {
            return null;
        }
        Matcher weldException = WELD_EXCEPTION.matcher(exception.getMessage());
        if (!weldException.find()) {
            return null;
        }
        return switch (weldException.group(1)) {
            case "DeploymentException" -> new DeploymentException(exception.getMessage(), exception);
            case "DefinitionException" -> new DefinitionException(exception.getMessage(), exception);
            default -> null;
        };
    }
}
