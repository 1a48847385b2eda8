package dev.appservices.emulator.internal.config;

import dev.appservices.emulator.EmulatorException;
import dev.appservices.emulator.internal.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A JSON object of the configuration file with its path ({@code apps[0].providers.api-key}), so that every
 * problem names the exact key. Typed reads fail with {@code APPSVC0501}; {@link #allowOnly} rejects unknown keys,
 * which catches typos that would otherwise silently fall back to defaults. Not thread-safe; used while reading.
 */
final class ConfigNode {

    private final String source;
    private final String path;
    private final BsonDocument document;

    ConfigNode(String source, String path, BsonDocument document) {
        this.source = source;
        this.path = path;
        this.document = document;
    }

    /** The object itself, e.g. a rules document passed on whole. */
    BsonDocument document() {
        return document;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return document.containsKey(key) && !document.get(key).isNull();
    }

    Set<String> keys() {
        return document.keySet();
    }

    void allowOnly(Set<String> keys) {
        for (String key : document.keySet()) {
            if (!keys.contains(key)) {
                throw invalid(path(key), "unknown key (allowed: " + new TreeSet<>(keys) + ")");
            }
        }
    }

    String requiredString(String key) {
        return optionalString(key).orElseThrow(() -> invalid(path(key), "is required"));
    }

    Optional<String> optionalString(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        BsonValue value = document.get(key);
        if (!value.isString()) {
            throw invalid(path(key), "must be a string");
        }
        return Optional.of(value.asString().getValue());
    }

    Optional<Boolean> optionalBoolean(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        BsonValue value = document.get(key);
        if (!value.isBoolean()) {
            throw invalid(path(key), "must be true or false");
        }
        return Optional.of(value.asBoolean().getValue());
    }

    Optional<BsonValue> optionalValue(String key) {
        return has(key) ? Optional.of(document.get(key)) : Optional.empty();
    }

    Optional<ConfigNode> optionalObject(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        BsonValue value = document.get(key);
        if (!value.isDocument()) {
            throw invalid(path(key), "must be an object");
        }
        return Optional.of(new ConfigNode(source, path(key), value.asDocument()));
    }

    Optional<BsonDocument> optionalDocument(String key) {
        return optionalObject(key).map(node -> node.document.clone());
    }

    /** The objects of an array (empty if absent). */
    List<ConfigNode> objects(String key) {
        List<ConfigNode> result = new ArrayList<>();
        List<BsonValue> values = array(key);
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isDocument()) {
                throw invalid(path(key) + "[" + i + "]", "must be an object");
            }
            result.add(new ConfigNode(
                    source, path(key) + "[" + i + "]", values.get(i).asDocument()));
        }
        return result;
    }

    /** The strings of an array (empty if absent); a single string is read as a one-element array. */
    List<String> strings(String key) {
        if (has(key) && document.get(key).isString()) {
            return List.of(document.get(key).asString().getValue());
        }
        List<String> result = new ArrayList<>();
        List<BsonValue> values = array(key);
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isString()) {
                throw invalid(path(key) + "[" + i + "]", "must be a string");
            }
            result.add(values.get(i).asString().getValue());
        }
        return result;
    }

    EmulatorException invalid(String key, String problem) {
        return Messages.configInvalid(source, key, problem);
    }

    private List<BsonValue> array(String key) {
        if (!has(key)) {
            return List.of();
        }
        BsonValue value = document.get(key);
        if (!value.isArray()) {
            throw invalid(path(key), "must be an array");
        }
        return value.asArray().getValues();
    }
}
