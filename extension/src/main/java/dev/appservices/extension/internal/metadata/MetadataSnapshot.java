package dev.appservices.extension.internal.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole content of a metadata store at one moment: the users in the order they first logged in, and the
 * current user. Immutable; every change produces a new snapshot, which lets a store persist a change completely
 * or not at all.
 *
 * @param users         the users, first login first
 * @param currentUserId the id of the current user, if any
 */
public record MetadataSnapshot(List<StoredUser> users, Optional<String> currentUserId) {

    /** A store with no users. */
    public static final MetadataSnapshot EMPTY = new MetadataSnapshot(List.of(), Optional.empty());

    public MetadataSnapshot {
        users = List.copyOf(users);
        Objects.requireNonNull(currentUserId, "currentUserId");
    }

    /** The user with this id, if the store knows it. */
    public Optional<StoredUser> user(String id) {
        return users.stream().filter(user -> user.id().equals(id)).findFirst();
    }

    /** This snapshot with the user added at the end, or replaced in place when its id is already known. */
    public MetadataSnapshot withUser(StoredUser user) {
        List<StoredUser> changed = new ArrayList<>(users);
        int index = indexOf(user.id());
        if (index < 0) {
            changed.add(user);
        } else {
            changed.set(index, user);
        }
        return new MetadataSnapshot(changed, currentUserId);
    }

    /** This snapshot without the user; if it was the current user, there is no current user any more. */
    public MetadataSnapshot withoutUser(String id) {
        List<StoredUser> changed = new ArrayList<>(users);
        changed.removeIf(user -> user.id().equals(id));
        Optional<String> current = currentUserId.filter(currentId -> !currentId.equals(id));
        return new MetadataSnapshot(changed, current);
    }

    /** This snapshot with another current user ({@code null} for none). */
    public MetadataSnapshot withCurrentUser(String id) {
        return new MetadataSnapshot(users, Optional.ofNullable(id));
    }

    private int indexOf(String id) {
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
