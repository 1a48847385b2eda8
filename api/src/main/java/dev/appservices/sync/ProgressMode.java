package dev.appservices.sync;

/**
 * How long a progress listener lives.
 *
 * @since 0.1
 */
public enum ProgressMode {

    /** Follows the work outstanding when it was registered and is told once more, with estimate 1, when it is done. */
    CURRENT_CHANGES,

    /** Follows all work, for as long as it is registered. */
    INDEFINITELY
}
