package dev.appservices.emulator.internal.appimport;

import dev.appservices.emulator.EmulatorException;
import dev.appservices.emulator.internal.messages.Messages;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The secrets exported apps need, which exports never contain: from a JSON file {@code {"name": "value", …}} and
 * given in code, else from the environment variable {@code APPSERVICES_SECRET_<NAME>} (the name as written, or in
 * upper case with every character other than a letter or digit as {@code _}). Values never appear in
 * {@link #toString()} or messages. Immutable.
 */
public final class Secrets {

    static final String ENVIRONMENT_PREFIX = "APPSERVICES_SECRET_";

    private final Map<String, String> given;
    private final UnaryOperator<String> environment;

    private Secrets(Map<String, String> given, UnaryOperator<String> environment) {
        this.given = Map.copyOf(given);
        this.environment = environment;
    }

    /**
     * Secrets from files and code, backed by the environment.
     *
     * @param files JSON files of name to string value, read in order (a later file wins)
     * @param inCode secrets given in code (they win over files)
     * @param environment reads an environment variable, e.g. {@code System::getenv}
     * @throws EmulatorException {@code APPSVC0570} for an unreadable file or one that is not an object of strings
     */
    public static Secrets load(Iterable<Path> files, Map<String, String> inCode, UnaryOperator<String> environment) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Path file : files) {
            BsonValue content;
            try {
                content = JsonFiles.read(file);
            } catch (EmulatorException e) {
                // the parser's message could quote the file's text, which holds secrets
                throw Messages.secretsUnreadable(file, "not a JSON object of names to strings");
            }
            if (!content.isDocument()) {
                throw Messages.secretsUnreadable(file, "not a JSON object of names to strings");
            }
            BsonDocument document = content.asDocument();
            for (String name : document.keySet()) {
                if (!document.get(name).isString()) {
                    throw Messages.secretsUnreadable(file, "the secret '" + name + "' is not a string");
                }
                given.put(name, document.getString(name).getValue());
            }
        }
        given.putAll(inCode);
        return new Secrets(given, environment);
    }

    /** The value of a secret, if anybody gave it. */
    Optional<String> find(String name) {
        String value = given.get(name);
        if (value == null) {
            value = environment.apply(ENVIRONMENT_PREFIX + name);
        }
        if (value == null) {
            value = environment.apply(
                    ENVIRONMENT_PREFIX + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value);
    }

    @Override
    public String toString() {
        return "Secrets[" + given.size() + " given]";
    }
}
