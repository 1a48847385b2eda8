package dev.appservices.extension.cdi.support;

import java.util.function.Supplier;

/** Runs code as if it belonged to another application: with another thread context class loader. */
public final class ContextClassLoader {

    private ContextClassLoader() {}

    /**
     * Runs an action with a context class loader and restores the previous one.
     *
     * @param loader the context class loader during the action
     * @param action the action
     * @param <T>    the result type
     * @return the action's result
     */
    public static <T> T with(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
