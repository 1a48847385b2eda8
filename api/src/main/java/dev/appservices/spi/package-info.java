/**
 * The service-provider interface that connects the API to its implementation.
 *
 * <p>Applications do not use this package. The implementation ({@code dev.appservices:appservices-extension})
 * registers an {@link dev.appservices.spi.AppServicesProvider} through {@code META-INF/services}; the static
 * factories of {@link dev.appservices.App} find it with {@link java.util.ServiceLoader}.
 */
package dev.appservices.spi;
