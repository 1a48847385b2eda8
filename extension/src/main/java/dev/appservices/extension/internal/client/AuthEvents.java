package dev.appservices.extension.internal.client;

import dev.appservices.AuthEvent;
import dev.appservices.ListenerRegistration;
import dev.appservices.User;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listeners of one App and the delivery of its {@link AuthEvent}s: on the thread that made the change, to every
 * listener in the order they were added; an exception of a listener is logged (with the event, which shows no
 * token) and never reaches the client or the other listeners. Thread-safe.
 */
final class AuthEvents {

    private static final Logger LOG = System.getLogger(AuthEvents.class.getName());

    private final String appId;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    AuthEvents(String appId) {
        this.appId = appId;
    }

    ListenerRegistration add(Consumer<AuthEvent> listener) {
        Registration registration = new Registration(listener);
        registrations.add(registration);
        return registration;
    }

    void fire(AuthEvent.Type type, User user) {
        if (registrations.isEmpty()) {
            return;
        }
        AuthEvent event = AuthEvent.of(type, appId, user);
        for (Registration registration : registrations) {
            try {
                registration.listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, ClientMessages.listenerFailed(appId, event), e);
            }
        }
    }

    /** One added listener; an object of its own, so that adding the same listener twice gives two registrations. */
    private final class Registration implements ListenerRegistration {

        private final Consumer<AuthEvent> listener;

        Registration(Consumer<AuthEvent> listener) {
            this.listener = listener;
        }

        @Override
        public void close() {
            registrations.remove(this);
        }
    }
}
