package dev.appservices.extension.cdi.support;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorExtension;

/** The emulators of the CDI tests. */
public final class Emulators {

    private Emulators() {}

    /**
     * An emulator, started for the test class, that serves apps with anonymous login.
     *
     * @param appIds the ids of the apps
     * @return the extension, for a static {@code @RegisterExtension} field
     */
    public static EmulatorExtension withAnonymousApps(String... appIds) {
        return EmulatorExtension.create(builder -> {
            for (String appId : appIds) {
                builder.app(AppDefinition.builder(appId).anonymousAuth().build());
            }
        });
    }
}
