package dev.appservices.emulator.internal.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.json.JsonParseException;

import dev.appservices.emulator.internal.json.JsonSupport;
import dev.appservices.emulator.internal.messages.Messages;
import dev.appservices.emulator.internal.state.Records.AppSnapshot;

/**
 * Creates the apps' {@link AppState}s and, with a data directory, persists them after every change to
 * {@code <data-dir>/emulator-state.json}.
 *
 * <p>Writes go to a temporary file that is then atomically renamed, so a crash leaves the previous or the new
 * state, never a torn file. An unreadable file stops the emulator from starting and is never overwritten. Apps
 * stored in the file but absent from the configuration are kept in the file untouched. The file is readable by its
 * owner only: it holds the apps' token signing secrets. Thread-safe.
 */
public final class StateStore {

    static final String FILE_NAME = "emulator-state.json";
    private static final int FORMAT_VERSION = 1;

    private final Path file;
    private final Clock clock;
    private final Map<String, AppSnapshot> stored;
    private final Map<String, AppState> states = new LinkedHashMap<>();

    private StateStore(Path file, Map<String, AppSnapshot> stored, Clock clock) {
        this.file = file;
        this.stored = stored;
        this.clock = clock;
    }

    /** A store that keeps state in memory only; {@code clock} is the apps' time. */
    public static StateStore inMemory(Clock clock) {
        return new StateStore(null, new LinkedHashMap<>(), clock);
    }

    /**
     * A store persisting to the given directory (created if missing), loaded with what it holds.
     *
     * @throws dev.appservices.emulator.EmulatorException {@code APPSVC0520} if the file cannot be read
     */
    public static StateStore open(Path directory, Clock clock) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            if (!Files.exists(file)) {
                return new StateStore(file, new LinkedHashMap<>(), clock);
            }
            BsonDocument content = JsonSupport.parseDocument(Files.readString(file, StandardCharsets.UTF_8));
            if (StateCodec.version(content) != FORMAT_VERSION) {
                throw new IOException("unsupported format (expected version " + FORMAT_VERSION + ")");
            }
            return new StateStore(file, new LinkedHashMap<>(StateCodec.apps(content)), clock);
        } catch (IOException | JsonParseException | BsonInvalidOperationException | IllegalArgumentException e) {
            throw Messages.dataUnreadable(file, e);
        }
    }

    /** The state of an app: restored from the data file when it holds the app, otherwise new. */
    public synchronized AppState stateFor(String appId) {
        AppState state = Optional.ofNullable(stored.get(appId))
                .map(snapshot -> AppState.restore(snapshot, this::save, clock))
                .orElseGet(() -> AppState.create(this::save, clock));
        states.put(appId, state);
        return state;
    }

    /** Writes all state to the data directory; does nothing without one. */
    public synchronized void save() {
        if (file == null) {
            return;
        }
        Map<String, AppSnapshot> apps = new TreeMap<>(stored);
        states.forEach((appId, state) -> apps.put(appId, state.snapshot()));
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.writeString(temporary, JsonSupport.toJson(StateCodec.write(FORMAT_VERSION, apps)),
                    StandardCharsets.UTF_8);
            restrictToOwner(temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw Messages.dataUnwritable(file, e);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }
}
