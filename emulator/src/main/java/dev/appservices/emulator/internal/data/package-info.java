/**
 * The emulator's MongoDB data service ({@code mongodb-atlas}): storage through the official driver, the operations
 * clients call, rules, custom user data and change events. Knows nothing of HTTP: failures are
 * {@link dev.appservices.emulator.internal.data.DataException}s that the HTTP layer turns into error bodies.
 */
package dev.appservices.emulator.internal.data;
