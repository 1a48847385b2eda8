package dev.appservices.extension.internal.cdi;

import dev.appservices.AppServices;
import dev.appservices.AuthEvent;
import dev.appservices.MetadataResetEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * Fires the events of one App ({@link AuthEvent}s, and the {@link MetadataResetEvent} of its creation) as CDI
 * events qualified with {@code @AppServices(id)}: synchronously, so that
 * {@code @Observes} methods run on the thread that made the change (as the App's own listeners do), then
 * asynchronously for {@code @ObservesAsync} methods. An observer that fails is logged and never breaks the client.
 * <p>
 * Registered as a listener of the App when its bean is created, removed when the bean is destroyed. Thread-safe.
 */
final class EventBridge implements Consumer<AuthEvent> {

    private static final Logger LOG = System.getLogger(EventBridge.class.getName());

    private final Event<AuthEvent> authEvents;
    private final Event<MetadataResetEvent> resetEvents;

    EventBridge(BeanManager beanManager, String appId) {
        AppServices qualifier = AppServices.Literal.of(appId);
        this.authEvents = beanManager.getEvent().select(AuthEvent.class, qualifier);
        this.resetEvents = beanManager.getEvent().select(MetadataResetEvent.class, qualifier);
    }

    @Override
    public void accept(AuthEvent event) {
        fire(authEvents, event);
    }

    /** Fires the report that the App's unreadable metadata store was replaced when the App was created. */
    void metadataReset(MetadataResetEvent event) {
        fire(resetEvents, event);
    }

    private static <T> void fire(Event<T> events, T event) {
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, CdiMessages.observerFailed(event), e);
        }
        try {
            events.fireAsync(event).whenComplete((delivered, failure) -> {
                if (failure != null) {
                    LOG.log(Level.WARNING, CdiMessages.asyncObserverFailed(event), failure);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, CdiMessages.asyncObserverFailed(event), e);
        }
    }
}
