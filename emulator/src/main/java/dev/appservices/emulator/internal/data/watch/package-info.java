/**
 * {@code watch} streams: change events written as server-sent events to many idle connections by a few shared
 * threads.
 */
package dev.appservices.emulator.internal.data.watch;
