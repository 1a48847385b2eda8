/**
 * Internal, may change without notice: the settings of Apps that come from MicroProfile Config (the keys
 * {@code appservices.<id>.*}), their validation, and the dynamic {@code ConfigSource} that holds runtime base-URL
 * overrides.
 */
package dev.appservices.extension.internal.config;
