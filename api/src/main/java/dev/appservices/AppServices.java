package dev.appservices;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * CDI qualifier that selects the {@link App} of one App Services app id.
 *
 * <pre>{@code
 * @Inject @AppServices(id = "orders") App orders;   // the App of id "orders"
 * @Inject @AppServices App app;                      // the default App, named by appservices.app-id
 *
 * void on(@Observes @AppServices(id = "orders") AuthEvent event) { ... }
 * }</pre>
 *
 * <p>For every id used at an injection point the extension registers one {@code @ApplicationScoped} bean of type
 * {@link App}; that bean is the same instance as {@link App#getApp(String) App.getApp(id)}. The settings of the
 * App come from MicroProfile Config keys {@code appservices.<id>.*} (see the package documentation).
 *
 * <p>{@link #id()} is a binding member: {@code @AppServices(id = "a")} and {@code @AppServices(id = "b")} select
 * different beans. A malformed or reserved id at an injection point is a definition error reported at deployment.
 *
 * @since 0.1
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface AppServices {

    /**
     * The App Services app id, matching {@code [a-z0-9][a-z0-9-]*} and not {@code defaults}.
     *
     * @return the app id, or {@code ""} (the default) for the App named by the configuration key
     *         {@code appservices.app-id}
     */
    String id() default "";

    /**
     * An instance of {@link AppServices} for programmatic lookups and for firing qualified events, e.g.
     * {@code CDI.current().select(App.class, AppServices.Literal.of("orders")).get()}.
     *
     * <p>Instances are immutable and thread-safe.
     *
     * @since 0.1
     */
    final class Literal extends AnnotationLiteral<AppServices> implements AppServices {

        /**
         * The literal of the default App, {@code @AppServices} with id {@code ""}.
         */
        public static final Literal DEFAULT = new Literal("");

        private static final long serialVersionUID = 1L;

        private final String id;

        private Literal(String id) {
            this.id = id;
        }

        /**
         * Returns the literal of {@code @AppServices(id = id)}.
         *
         * <p>Only null and blank ids are rejected here; the id syntax is checked where the id is used (at deployment
         * or by {@link AppConfiguration#builder(String)}). Use {@link #DEFAULT} for the default App.
         *
         * @param id the app id
         * @return the literal
         * @throws NullPointerException if {@code id} is null
         * @throws IllegalArgumentException if {@code id} is blank
         */
        public static Literal of(String id) {
            if (ApiMessages.requireNonNull(id, "id").isBlank()) {
                throw ApiMessages.blankAppId();
            }
            return new Literal(id);
        }

        /**
         * Returns the app id this literal selects.
         *
         * @return the app id; {@code ""} for {@link #DEFAULT}
         */
        @Override
        public String id() {
            return id;
        }
    }
}
