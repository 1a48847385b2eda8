package dev.appservices.sync;

/**
 * Which transfer a progress listener follows.
 *
 * @since 0.1
 */
public enum ProgressDirection {

    /** Local changes sent to the server. */
    UPLOAD,

    /** Server state read into the local store (catch-up passes). */
    DOWNLOAD
}
