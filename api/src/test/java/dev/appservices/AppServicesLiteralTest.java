package dev.appservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AppServicesLiteralTest {

    @AppServices(id = "orders")
    private Object orders;

    @AppServices
    private Object defaultApp;

    @Test
    void equalsTheAnnotationWithTheSameId() throws ReflectiveOperationException {
        AppServices annotation = getClass().getDeclaredField("orders").getAnnotation(AppServices.class);
        assertEquals(annotation, AppServices.Literal.of("orders"));
        assertEquals(AppServices.Literal.of("orders"), annotation);
        assertEquals(annotation.hashCode(), AppServices.Literal.of("orders").hashCode());
        assertNotEquals(annotation, AppServices.Literal.of("billing"));
    }

    @Test
    void defaultLiteralEqualsTheBareAnnotation() throws ReflectiveOperationException {
        AppServices annotation = getClass().getDeclaredField("defaultApp").getAnnotation(AppServices.class);
        assertEquals("", AppServices.Literal.DEFAULT.id());
        assertEquals(annotation, AppServices.Literal.DEFAULT);
    }

    @Test
    void rejectsNullAndBlankIds() {
        assertEquals(
                "APPSVC0109: 'id' must not be null",
                assertThrows(NullPointerException.class, () -> AppServices.Literal.of(null))
                        .getMessage());
        assertEquals(
                "APPSVC0114: app id must not be blank",
                assertThrows(IllegalArgumentException.class, () -> AppServices.Literal.of(" "))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> AppServices.Literal.of(""));
    }
}
