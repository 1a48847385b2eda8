package dev.appservices.extension.internal.metadata;

import java.nio.file.Path;

/**
 * What a {@link StoreCodec} reads or writes, as messages name it: the file of a file store, or one row of a JDBC
 * store.
 *
 * @param name how messages name it, for example {@code metadata file /var/lib/orders/orders/metadata.sealed}
 * @param path the file, or null for a row
 */
record StoredItem(String name, Path path) {

    static StoredItem file(Path file) {
        return new StoredItem("metadata file " + file, file);
    }

    static StoredItem row(String table, String appId, String rowId) {
        return new StoredItem("metadata row '" + rowId + "' of App '" + appId + "' in table " + table, null);
    }
}
