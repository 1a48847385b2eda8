/**
 * Reading an app exported from App Services (its export directory) into the emulator's model: app definition,
 * JavaScript functions, values, data source rules, custom user data and triggers. Internal; may change without
 * notice.
 */
package dev.appservices.emulator.internal.appimport;
