/**
 * The App Services backend emulator: a self-hostable server that speaks the App Services client protocol of the
 * Realm SDKs, for tests, samples and local development.
 *
 * <p>Entry points: {@link dev.appservices.emulator.AppServicesEmulator} (embedded server, built with
 * {@link dev.appservices.emulator.AppDefinition}s or a configuration file), {@link dev.appservices.emulator.EmulatorAdmin}
 * (the admin API over HTTP, with {@link dev.appservices.emulator.FaultSpec} for fault injection),
 * {@link dev.appservices.emulator.EmulatorFunction} (server-side functions in Java) and, for JUnit 5 tests,
 * {@link dev.appservices.emulator.EmulatorExtension}.
 *
 * <pre>{@code
 * try (AppServicesEmulator emulator = AppServicesEmulator.builder()
 *         .configResource(AppServicesEmulator.DEMO_CONFIG_RESOURCE)
 *         .start()) {
 *     URI baseUrl = emulator.baseUrl();
 * }
 * }</pre>
 *
 * <p>Everything under {@code dev.appservices.emulator.internal} is internal and may change without notice.
 */
package dev.appservices.emulator;
