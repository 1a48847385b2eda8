package dev.appservices.emulator.internal.js;

import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;

/**
 * What the JavaScript runtime knows of one app.
 *
 * @param id the client app id
 * @param info {@code context.app}: {@code {id, clientAppId, name, projectId, deployment, lastDeployed}}
 * @param values {@code context.values}: value name to value (secrets resolved)
 * @param environment {@code context.environment}: {@code {tag, values}}
 * @param services the names of the app's MongoDB data sources
 * @param functions the functions by name
 */
public record ScriptApp(
        String id,
        BsonDocument info,
        BsonDocument values,
        BsonDocument environment,
        List<String> services,
        Map<String, ScriptFunction> functions) {

    public ScriptApp {
        info = info.clone();
        values = values.clone();
        environment = environment.clone();
        services = List.copyOf(services);
        functions = Map.copyOf(functions);
    }

    @Override
    public BsonDocument values() {
        return values.clone();
    }

    @Override
    public String toString() {
        // values may hold secrets: never print them
        return "ScriptApp[id=" + id + ", functions=" + functions.keySet() + "]";
    }
}
