/**
 * Internal, may change without notice: the parts of the portable CDI extension behind
 * {@link dev.appservices.extension.AppServicesExtension}: the App beans (production, disposal), the bridge that fires
 * the Apps' events as CDI events, deployment validation and the extension's messages.
 */
package dev.appservices.extension.internal.cdi;
