/**
 * MicroProfile Health checks of the Apps: a readiness check per App (its backend answers, its metadata store can be
 * read and written) and a startup check of its configuration. Used only when the Health API is on the class path.
 */
package dev.appservices.extension.internal.health;
