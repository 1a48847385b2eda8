/** Internal implementation of the emulator; may change without notice. */
package dev.appservices.emulator.internal.json;
