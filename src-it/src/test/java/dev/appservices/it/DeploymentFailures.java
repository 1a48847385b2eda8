package dev.appservices.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;

/**
 * The failures of deployments, so that a test of the {@code broken} package can check the message of the expected
 * failure and not only its type: the exception the server adapter reported, and what the server logged while
 * deploying ({@link ServerLog}), where the server has the whole message even when its adapter passes on less.
 * {@code @ShouldThrowException} checks the type and then swallows the exception; the {@link Recorder} sits inside that
 * check, next to the adapter, and sees the exception first.
 *
 * <p>Runs in the test JVM only; tests read it from {@code @RunAsClient} methods (which the test methods of a
 * deployment that must fail always are).
 */
public final class DeploymentFailures {

    private static final Map<String, String> BY_ARCHIVE = new ConcurrentHashMap<>();

    private DeploymentFailures() {}

    /**
     * The failure of the last deployment of an archive: every message of the reported exception's cause chain, then
     * the server's log of the deployment.
     *
     * @param archiveName the archive's name, such as {@code broken-invalid-id.war}
     * @return the messages, outermost first, and the log text
     * @throws AssertionError if the archive's last deployment did not fail
     */
    public static String messages(String archiveName) {
        String messages = BY_ARCHIVE.get(archiveName);
        if (messages == null) {
            throw new AssertionError("no failed deployment of " + archiveName + " was recorded");
        }
        return messages;
    }

    private static String describe(Throwable failure, String serverLog) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            messages.append(cause.getClass().getName())
                    .append(": ")
                    .append(cause.getMessage())
                    .append('\n');
        }
        return messages.append("--- server log of the deployment ---\n")
                .append(serverLog)
                .toString();
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
            String archiveName = deployment
                    .getEvent()
                    .getDeployment()
                    .getDescription()
                    .getArchive()
                    .getName();
            BY_ARCHIVE.remove(archiveName);
            ServerLog log = ServerLog.ofThisRun();
            long logStart = log.end();
            try {
                deployment.proceed();
            } catch (Exception e) {
                // Adapters throw checked exceptions through proceed(); the precise rethrow keeps them unchanged.
                BY_ARCHIVE.put(archiveName, describe(e, log.textSince(logStart)));
                throw e;
            }
        }
    }
}
