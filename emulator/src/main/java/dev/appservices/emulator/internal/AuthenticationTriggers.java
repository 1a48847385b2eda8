package dev.appservices.emulator.internal;

import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.app.UserEvents;
import dev.appservices.emulator.internal.appimport.ImportedApp.AuthenticationTrigger;
import dev.appservices.emulator.internal.state.Records.User;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * The authentication triggers of one imported app: after a login of one of a trigger's providers ({@code LOGIN}),
 * or one that created the user ({@code CREATE}), its function runs with the authentication event
 * {@code {operationType, providers, user, time}}. Thread-safe.
 */
final class AuthenticationTriggers implements UserEvents {

    private final List<AuthenticationTrigger> triggers;
    private final TriggerRunner runner;

    AuthenticationTriggers(List<AuthenticationTrigger> triggers, TriggerRunner runner) {
        this.triggers = List.copyOf(triggers);
        this.runner = runner;
    }

    @Override
    public void loggedIn(EmulatedApp app, User user, String providerType, boolean created) {
        for (AuthenticationTrigger trigger : triggers) {
            boolean fires = trigger.operationType().equals("LOGIN") || created;
            if (fires && (trigger.providers().isEmpty() || trigger.providers().contains(providerType))) {
                BsonDocument event = new BsonDocument("operationType", new BsonString(trigger.operationType()))
                        .append("providers", new BsonArray(List.of(new BsonString(providerType))))
                        .append("user", app.dataCaller(user).user())
                        .append("time", new BsonDateTime(System.currentTimeMillis()));
                runner.fire(trigger.name(), trigger.function(), event);
            }
        }
    }
}
