/**
 * Deployments that the servers must reject. Each test's {@code @Deployment} method carries
 * {@code @ShouldThrowException(DeploymentException.class)}, so Arquillian fails the test when the deployment
 * succeeds; the test methods themselves run nothing.
 */
package dev.appservices.it.broken;
