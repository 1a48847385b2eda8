/**
 * OpenTelemetry traces and metrics of the Apps' backend requests, metadata store and sessions. The OpenTelemetry API
 * is an optional dependency: {@link dev.appservices.extension.internal.telemetry.Telemetry#NONE} stands in when it is
 * absent, and only {@code OpenTelemetryTelemetry} refers to its types.
 */
package dev.appservices.extension.internal.telemetry;
