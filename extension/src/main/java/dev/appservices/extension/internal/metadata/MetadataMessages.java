package dev.appservices.extension.internal.metadata;

import dev.appservices.MetadataIntegrityException;
import dev.appservices.MetadataStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import javax.naming.NamingException;

/**
 * The message factory of the metadata store: every failure and every log line of this package is worded here, with
 * codes APPSVC0300–0399. Messages name files, directories, aliases and key fingerprints; they never contain key
 * bytes, passwords, tokens or stored content. A code, once published, is never reused for a different meaning.
 */
final class MetadataMessages {

    private MetadataMessages() {}

    static MetadataStoreException directoryUnusable(Path directory, IOException cause) {
        return new MetadataStoreException(
                "APPSVC0300: metadata directory " + directory + " cannot be created or made private to its owner: "
                        + describe(cause),
                directory,
                cause);
    }

    static MetadataStoreException lockedByAnotherProcess(Path directory, Path lockFile) {
        return new MetadataStoreException(
                "APPSVC0301: metadata store " + directory
                        + " is in use by another process (it holds the lock on " + lockFile.getFileName()
                        + "); one store serves one process: give each process its own metadata.directory",
                directory);
    }

    static MetadataStoreException alreadyOpenInThisJvm(Path directory) {
        return new MetadataStoreException(
                "APPSVC0302: metadata store " + directory
                        + " is already open in this JVM (another App with the same id and metadata.directory); "
                        + "close it first or give this App its own metadata.directory",
                directory);
    }

    static MetadataStoreException cannotRead(Path file, IOException cause) {
        return new MetadataStoreException(
                "APPSVC0303: metadata file " + file + " cannot be read: " + describe(cause), file, cause);
    }

    static MetadataStoreException cannotWrite(Path file, IOException cause) {
        return new MetadataStoreException(
                "APPSVC0304: metadata file " + file + " cannot be written: " + describe(cause)
                        + "; the previous content is kept",
                file,
                cause);
    }

    /**
     * The file is not a store of this format. {@code what} names a field or a part of the layout, never a value;
     * no cause is attached because parser messages quote the text they failed on, which may be a token.
     */
    static MetadataIntegrityException malformed(StoredItem item, String what) {
        return new MetadataIntegrityException(
                "APPSVC0305: " + item.name() + " is damaged: " + what
                        + "; it was left unchanged (restore a backup, move it away, or set metadata.on-invalid=reset)",
                item.path());
    }

    static MetadataIntegrityException unsupportedVersion(StoredItem item, String part, int found, int supported) {
        return new MetadataIntegrityException(
                "APPSVC0306: " + item.name() + " has " + part + " version "
                        + found + ", this library reads version " + supported
                        + "; it was left unchanged (use the library version that wrote it)",
                item.path());
    }

    static MetadataIntegrityException authenticationFailed(StoredItem item, GeneralSecurityException cause) {
        return new MetadataIntegrityException(
                "APPSVC0307: " + item.name()
                        + " failed authentication: it was changed or damaged after it was written, or the key is wrong; "
                        + "it was left unchanged",
                item.path(),
                cause);
    }

    static MetadataIntegrityException unknownKey(StoredItem item, String sealedWith, String configured) {
        return new MetadataIntegrityException(
                "APPSVC0308: " + item.name() + " was sealed with " + sealedWith
                        + ", but the configured key is " + configured + " and no matching previous key is configured "
                        + "(metadata.previous-key-store.* or metadata.previous-encryption-key); it was left unchanged",
                item.path());
    }

    static MetadataStoreException keyStoreUnreadable(Path keyStore, Exception cause) {
        return new MetadataStoreException(
                "APPSVC0309: metadata key store " + keyStore + " cannot be read: " + describe(cause), keyStore, cause);
    }

    static MetadataIntegrityException wrongKeyStorePassword(Path keyStore, String alias) {
        return new MetadataIntegrityException(
                "APPSVC0310: the password of metadata key store " + keyStore + " (or of its entry '" + alias
                        + "') is wrong; check metadata.key-store.password",
                keyStore);
    }

    static MetadataStoreException noSuchEntry(Path keyStore, String alias) {
        return new MetadataStoreException(
                "APPSVC0311: metadata key store " + keyStore + " has no entry '" + alias
                        + "'; check metadata.key-store.alias",
                keyStore);
    }

    static MetadataStoreException unsupportedEntry(Path keyStore, String alias, String kind) {
        return new MetadataStoreException(
                "APPSVC0312: entry '" + alias + "' of metadata key store " + keyStore + " is " + kind
                        + "; it must be an AES secret key or an RSA private key with its certificate",
                keyStore);
    }

    static MetadataStoreException cryptoUnavailable(String algorithm, GeneralSecurityException cause) {
        return new MetadataStoreException(
                "APPSVC0313: the Java runtime provides no usable " + algorithm + " (needed for metadata encryption): "
                        + cause.getClass().getSimpleName(),
                null,
                cause);
    }

    static MetadataStoreException storeOfOtherMode(Path file) {
        return new MetadataStoreException(
                "APPSVC0314: metadata file " + file + " was written in mode ENCRYPTION, "
                        + "but the App is configured with mode NO_ENCRYPTION; configure metadata.mode=encryption with its "
                        + "key, or move the file away; it was left unchanged",
                file);
    }

    static String storeReset(String appId, Path backup, String reason) {
        return "APPSVC0315: the metadata store of App '" + appId + "' could not be read and was reset as "
                + "metadata.on-invalid=reset asks; the unreadable file was kept as " + backup
                + " and every stored user must log in again. Reason: " + reason;
    }

    static String journalEndDropped(Path journal, int bytes) {
        return "APPSVC0328: metadata journal " + journal + " ends in " + bytes
                + " bytes that are no complete record (a write that a crash interrupted, never acknowledged);"
                + " they were dropped";
    }

    static MetadataStoreException cannotMoveAside(Path file, IOException cause) {
        return new MetadataStoreException(
                "APPSVC0316: unreadable metadata file " + file + " cannot be moved aside to reset the store: "
                        + describe(cause) + "; it was left unchanged",
                file,
                cause);
    }

    static String rewrapped(StoredItem item, String previous, String current) {
        return "APPSVC0317: " + item.name() + " was sealed with the previous key (" + previous
                + ") and is now sealed with the configured key (" + current + "); the previous key is no longer "
                + "needed";
    }

    static String migratedToEncryption(Path plainFile, Path sealedFile) {
        return "APPSVC0318: unencrypted metadata file " + plainFile + " was encrypted into " + sealedFile
                + " and removed, because the App is now configured with mode ENCRYPTION";
    }

    static IllegalStateException closed(Object store) {
        return new IllegalStateException("APPSVC0319: metadata store " + store + " is closed");
    }

    static MetadataStoreException cannotSeal(StoredItem item, GeneralSecurityException cause) {
        return new MetadataStoreException(
                "APPSVC0320: " + item.name() + " cannot be encrypted: "
                        + cause.getClass().getSimpleName() + "; the previous content is kept",
                item.path(),
                cause);
    }

    static MetadataStoreException cannotDelete(Path file, IOException cause) {
        return new MetadataStoreException(
                "APPSVC0321: metadata file " + file + " cannot be deleted: " + describe(cause), file, cause);
    }

    static MetadataStoreException twoStores(Path file, Path plainFile) {
        return new MetadataStoreException(
                "APPSVC0322: metadata directory holds both " + file + " and the " + "unencrypted " + plainFile
                        + " with different users; move the one that is out of date away",
                file);
    }

    static MetadataStoreException databaseFailed(
            String action, String table, String appId, String dataSource, SQLException cause) {
        return new MetadataStoreException(
                "APPSVC0323: metadata table " + table + " of App '" + appId
                        + "' cannot be " + action + " through data source " + dataSource + ": " + describe(cause)
                        + (cause.getSQLState() == null ? "" : " [SQLState " + cause.getSQLState() + "]")
                        + "; nothing was changed",
                null,
                cause);
    }

    static MetadataStoreException dataSourceNotFound(String name, NamingException cause) {
        return new MetadataStoreException(
                "APPSVC0324: metadata data source '" + name + "' cannot be looked up: "
                        + describe(cause)
                        + "; set metadata.datasource to the JNDI name of a DataSource, or give the App "
                        + "one with MetadataConfiguration.Builder.dataSource",
                null,
                cause);
    }

    static MetadataStoreException notADataSource(String name, Object found) {
        return new MetadataStoreException(
                "APPSVC0325: metadata data source '" + name + "' names a "
                        + found.getClass().getName() + ", not a javax.sql.DataSource; check metadata.datasource",
                null);
    }

    static MetadataStoreException unsupportedTableVersion(String table, int found, int supported) {
        return new MetadataStoreException(
                "APPSVC0326: metadata table " + table + " has version " + found
                        + ", this library uses version " + supported
                        + "; it was left unchanged (use the library version "
                        + "that created it)",
                null);
    }

    static MetadataStoreException tooManyConflicts(String table, String appId, int attempts) {
        return new MetadataStoreException(
                "APPSVC0327: the users of App '" + appId + "' in metadata table " + table
                        + " changed on other servers during each of " + attempts + " attempts of a change; the change "
                        + "was given up and nothing was changed",
                null);
    }

    /**
     * The failure of a group write as each writer whose change it carried gets it: the write's message (one code,
     * one text), with the writer's own stack trace and the write's failure as cause.
     */
    static MetadataStoreException commitFailed(MetadataStoreException failure) {
        return new MetadataStoreException(failure.getMessage(), failure.path().orElse(null), failure);
    }

    /**
     * The kind of failure and what it names (a path, a host, a table, a JNDI name); an I/O, JDBC or JNDI message
     * never contains stored content, which the JDBC store sends only as statement parameters.
     */
    private static String describe(Exception cause) {
        String message = cause.getMessage();
        return message == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + " (" + message + ")";
    }
}
