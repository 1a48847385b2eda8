/**
 * The JavaScript function runtime of imported apps: GraalJS contexts in a sandbox (no host classes, files,
 * processes or threads), pooled per app, with a time limit per call. Internal; may change without notice.
 */
package dev.appservices.emulator.internal.js;
