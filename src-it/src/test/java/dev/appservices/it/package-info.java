/**
 * Arquillian integration tests that run in a managed Open Liberty and a managed WildFly.
 *
 * <p>One scenario per class (or per sub-package, with its application classes next to the test). Each builds its
 * deployment with {@link dev.appservices.it.Deployments}, and starts the backends it needs, emulators running in the
 * test JVM, with {@link dev.appservices.it.Backends}. The same classes run once per server: the build selects the
 * server through the {@code arquillian.launch} system property. Deployments that must fail live in
 * {@link dev.appservices.it.broken}; {@link dev.appservices.it.DeploymentFailures} gives their messages.
 */
package dev.appservices.it;
