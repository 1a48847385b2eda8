package dev.appservices.emulator.internal.appimport;

import dev.appservices.emulator.internal.messages.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One export directory while it is read: its root, the secrets it may use, the expansions of its environment, the
 * warnings and missing secrets collected so far, and the typed reads of its JSON documents. Not thread-safe.
 */
final class ExportDirectory {

    private final Path root;
    private final Secrets secrets;
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> missingSecrets = new TreeSet<>();
    private Expansions expansions = new Expansions("", new BsonDocument());

    ExportDirectory(Path root, Secrets secrets) {
        this.root = root;
        this.secrets = secrets;
    }

    Path root() {
        return root;
    }

    /** The warnings so far (the readers add to this list). */
    List<String> warnings() {
        return warnings;
    }

    /** From now on, files are read with the expansions of this environment. */
    void useEnvironment(Expansions environment) {
        this.expansions = environment;
    }

    /** A JSON object file with its expansions resolved. */
    BsonDocument readExpanded(Path file) {
        return expansions.apply(file, JsonFiles.readDocument(file)).asDocument();
    }

    /** A value of {@code file} with its expansions resolved. */
    BsonValue expand(Path file, BsonValue value) {
        return expansions.apply(file, value);
    }

    /** A secret's value; a secret nobody gave is remembered, and {@link #requireSecrets()} fails naming it. */
    Optional<String> secret(String name) {
        Optional<String> value = secrets.find(name);
        if (value.isEmpty()) {
            missingSecrets.add(name);
        }
        return value;
    }

    /** Whether every secret asked for so far was given. */
    boolean secretsComplete() {
        return missingSecrets.isEmpty();
    }

    /**
     * @throws dev.appservices.emulator.EmulatorException {@code APPSVC0569} naming every secret nobody gave
     */
    void requireSecrets() {
        if (!missingSecrets.isEmpty()) {
            throw Messages.secretsMissing(root, missingSecrets);
        }
    }

    // ---- reading helpers --------------------------------------------------------------------------------------

    static Optional<BsonDocument> optionalDocument(Path file) {
        return Files.isRegularFile(file) ? Optional.of(JsonFiles.readDocument(file)) : Optional.empty();
    }

    static Optional<String> string(BsonDocument document, String key) {
        BsonValue value = document.get(key);
        return value != null && value.isString() ? Optional.of(value.asString().getValue()) : Optional.empty();
    }

    static String requiredString(Path file, BsonDocument document, String key) {
        return string(document, key)
                .orElseThrow(() -> Messages.invalidContent(file, key, "is required and must be a string"));
    }

    static boolean bool(BsonDocument document, String key) {
        BsonValue value = document.get(key);
        return value != null && value.isBoolean() && value.asBoolean().getValue();
    }

    /** A string or an array of strings, as a list. */
    static List<String> strings(Path file, BsonDocument document, String key) {
        BsonValue value = document.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isString()) {
            return List.of(value.asString().getValue());
        }
        if (value.isArray() && value.asArray().stream().allMatch(BsonValue::isString)) {
            return value.asArray().stream()
                    .map(item -> item.asString().getValue())
                    .toList();
        }
        throw Messages.invalidContent(file, key, "must be a string or an array of strings");
    }

    static List<Path> jsonFiles(Path folder) {
        return files(folder, 1).stream()
                .filter(file -> file.getFileName().toString().endsWith(".json"))
                .toList();
    }

    static List<Path> files(Path folder, int depth) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, depth)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw Messages.unreadable(folder, e);
        }
    }

    static List<Path> directories(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw Messages.unreadable(folder, e);
        }
    }
}
