package dev.appservices.extension.internal.sync;

import dev.appservices.ListenerRegistration;
import dev.appservices.sync.Progress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The progress listeners of one direction. Each listener sees the direction's state through its own view (all work,
 * or the work outstanding when it was registered); a view that reports completion ends a
 * {@link dev.appservices.sync.ProgressMode#CURRENT_CHANGES} listener. Thread-safe.
 *
 * @param <S> the direction's state
 */
final class ProgressListeners<S> {

    private final class Entry implements ListenerRegistration {

        private final Function<S, Progress> view;
        private final Consumer<Progress> listener;
        private final boolean expires;

        Entry(Function<S, Progress> view, Consumer<Progress> listener, boolean expires) {
            this.view = view;
            this.listener = listener;
            this.expires = expires;
        }

        /** Tells the listener; {@code true} when it has expired. */
        boolean tell(S state) {
            Progress progress = view.apply(state);
            listener.accept(progress);
            return expires && progress.isTransferComplete();
        }

        @Override
        public void close() {
            entries.remove(this);
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /**
     * Adds a listener and tells it the current state at once.
     *
     * @param view     how the listener sees the state
     * @param listener the listener
     * @param expires  whether it ends once its view is complete
     * @param now      the current state
     */
    ListenerRegistration add(Function<S, Progress> view, Consumer<Progress> listener, boolean expires, S now) {
        Entry entry = new Entry(view, listener, expires);
        if (!entry.tell(now)) {
            entries.add(entry);
        }
        return entry;
    }

    /** Tells every listener the new state. */
    void changed(S state) {
        for (Entry entry : entries) {
            if (entry.tell(state)) {
                entries.remove(entry);
            }
        }
    }
}
