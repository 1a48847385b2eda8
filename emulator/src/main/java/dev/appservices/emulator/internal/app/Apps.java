package dev.appservices.emulator.internal.app;

import dev.appservices.emulator.internal.http.ServiceError;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The emulated apps by client app id. Immutable after start-up. */
public final class Apps {

    private final Map<String, EmulatedApp> byId = new LinkedHashMap<>();

    public Apps(Collection<EmulatedApp> apps) {
        apps.forEach(app -> byId.put(app.id(), app));
    }

    public Optional<EmulatedApp> find(String appId) {
        return Optional.ofNullable(byId.get(appId));
    }

    /**
     * The app with that id.
     *
     * @throws ServiceError 404 "cannot find app using Client App ID '…'"
     */
    public EmulatedApp require(String appId) {
        return find(appId).orElseThrow(() -> ServiceError.appNotFound(appId));
    }

    public Collection<EmulatedApp> all() {
        return byId.values();
    }
}
