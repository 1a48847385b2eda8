/**
 * Benchmarks of the App Services client against the raw JDK {@code HttpClient}, with the emulator in a JVM of its
 * own on 127.0.0.1. {@link dev.appservices.bench.BenchMain} runs them; {@code docs/benchmarks.adoc} gives the command
 * and the results. Not part of the test suite.
 */
package dev.appservices.bench;
