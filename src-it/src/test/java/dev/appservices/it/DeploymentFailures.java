package dev.appservices.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;

/**
 * The failures of deployments as the server adapter reported them, so that a test of the {@code broken} package can
 * check the message of the expected failure and not only its type. {@code @ShouldThrowException} checks the type
 * and then swallows the exception; the {@link Recorder} sits inside that check, next to the adapter, and sees the
 * exception first.
 *
 * <p>Runs in the test JVM only; tests read it from {@code @RunAsClient} methods (which the test methods of a
 * deployment that must fail always are).
 */
public final class DeploymentFailures {

    private static final Map<String, Throwable> BY_ARCHIVE = new ConcurrentHashMap<>();

    private DeploymentFailures() {
    }

    /**
     * The failure of the last deployment of an archive, with every message of its cause chain.
     *
     * @param archiveName the archive's name, such as {@code broken-invalid-id.war}
     * @return the messages, one per line, outermost first
     * @throws AssertionError if the archive's last deployment did not fail
     */
    public static String messages(String archiveName) {
        Throwable failure = BY_ARCHIVE.get(archiveName);
        if (failure == null) {
            throw new AssertionError("no failed deployment of " + archiveName + " was recorded");
        }
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getClass().getName()).append(": ").append(cause.getMessage()).append('\n');
            if (cause.getCause() == cause) {
                break;
            }
        }
        return messages.toString();
    }

    /** The Arquillian observer that records the failures; registered by {@link IntegrationTestExtension}. */
    public static final class Recorder {

        /**
         * Deploys, recording a failure before passing it on. The precedence puts this observer inside Arquillian's
         * own handler of expected deployment failures (precedence 0), which never lets them through.
         *
         * @param deployment the deployment of one archive
         */
        public void record(@Observes(precedence = -100) EventContext<DeployDeployment> deployment) {
            String archiveName = deployment.getEvent().getDeployment().getDescription().getArchive().getName();
            BY_ARCHIVE.remove(archiveName);
            try {
                deployment.proceed();
            } catch (Exception e) {
                // Adapters throw checked exceptions through proceed(); the precise rethrow keeps them unchanged.
                BY_ARCHIVE.put(archiveName, e);
                throw e;
            }
        }
    }
}
