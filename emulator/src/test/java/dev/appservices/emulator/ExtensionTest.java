package dev.appservices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link AppServicesEmulatorTest}: one emulator per class, injected as emulator, admin client or base URL. */
@AppServicesEmulatorTest
class ExtensionTest {

    private static AppServicesEmulator seen;

    @Test
    void injectsTheEmulatorItsAdminAndItsBaseUrl(AppServicesEmulator emulator, EmulatorAdmin admin, URI baseUrl) {
        assertEquals(emulator.baseUrl(), baseUrl);
        assertSame(emulator.admin(), admin);
        assertEquals(
                200,
                new WireClient(baseUrl)
                        .get(WireClient.CLIENT + "/app/sample/location", null)
                        .status());
        assertEquals(0, admin.pendingConfirmations("sample").size());
        remember(emulator);
    }

    @Test
    void oneEmulatorServesTheWholeClass(AppServicesEmulator emulator) {
        remember(emulator);
    }

    @Nested
    class Inner {

        @Test
        void sharesTheOuterEmulator(AppServicesEmulator emulator) {
            remember(emulator);
        }
    }

    private static synchronized void remember(AppServicesEmulator emulator) {
        if (seen == null) {
            seen = emulator;
        }
        assertSame(seen, emulator);
    }
}
