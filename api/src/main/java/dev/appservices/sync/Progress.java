package dev.appservices.sync;

/**
 * A progress report. Units are changes (uploads) or subscriptions read (downloads), not bytes: a layer built on the
 * data service's requests cannot know byte counts in advance.
 *
 * @param transferred  the units done
 * @param transferable the units done and outstanding
 * @since 0.1
 */
public record Progress(long transferred, long transferable) {

    /** The share done, in [0, 1]; 1 when nothing is outstanding. */
    public double estimate() {
        return transferable <= 0 ? 1.0 : Math.min(1.0, (double) transferred / transferable);
    }

    /** Whether nothing is outstanding. */
    public boolean isTransferComplete() {
        return transferred >= transferable;
    }
}
