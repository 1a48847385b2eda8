/**
 * Internal, may change without notice: the implementation behind the static factories of
 * {@link dev.appservices.App} ({@link dev.appservices.extension.internal.DefaultAppServicesProvider}) and the App
 * cache of each application ({@link dev.appservices.extension.internal.AppRegistry}).
 */
package dev.appservices.extension.internal;
