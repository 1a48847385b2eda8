package dev.appservices.emulator.internal.data;

/** A database and a collection. */
public record Namespace(String database, String collection) {

    @Override
    public String toString() {
        return database + "." + collection;
    }
}
