package dev.appservices;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Names the metadata encryption key as an entry of a JCA {@link java.security.KeyStore}
 * (configuration keys {@code appservices.<id>.metadata.key-store.path}, {@code .type}, {@code .password},
 * {@code .alias}): either a secret-key entry (AES, used with AES key wrap) or a private-key entry (RSA, used with
 * RSA-OAEP and the public key of the entry's certificate), such as the {@code default} entry of the key store Open
 * Liberty generates in {@code resources/security/key.p12}.
 *
 * <p>The key-store password is given as a {@link Supplier} that is called each time the key store is opened
 * ({@link #readPassword()}); it is never kept as a {@code String}, shown by {@link #toString()}, or compared by
 * {@link #equals(Object)}. Creating a {@code KeyStoreKey} does not touch the file.
 *
 * <p>Instances are immutable and thread-safe if the supplier is.
 *
 * @since 0.1
 */
public final class KeyStoreKey {

    /**
     * The key-store type used when none is given: {@code PKCS12}.
     */
    public static final String DEFAULT_TYPE = "PKCS12";

    /**
     * The entry alias used when none is given: {@code appservices-metadata}.
     */
    public static final String DEFAULT_ALIAS = "appservices-metadata";

    private final Path path;
    private final String type;
    private final String alias;
    private final Supplier<char[]> password;

    private KeyStoreKey(Path path, String type, String alias, Supplier<char[]> password) {
        this.path = ApiMessages.requireNonNull(path, "path");
        this.type = ApiMessages.requireNonBlank(type, "type");
        this.alias = ApiMessages.requireNonBlank(alias, "alias");
        this.password = ApiMessages.requireNonNull(password, "password");
    }

    /**
     * Names the entry {@value #DEFAULT_ALIAS} of the {@value #DEFAULT_TYPE} key store at {@code path}.
     *
     * @param path     the key-store file
     * @param password supplies the key-store password (also used as the entry password) each time it is needed
     * @return the key reference
     * @throws NullPointerException if an argument is null
     */
    public static KeyStoreKey of(Path path, Supplier<char[]> password) {
        return new KeyStoreKey(path, DEFAULT_TYPE, DEFAULT_ALIAS, password);
    }

    /**
     * Names the entry {@code alias} of the key store of type {@code type} at {@code path}.
     *
     * @param path     the key-store file
     * @param type     the key-store type, as accepted by {@link java.security.KeyStore#getInstance(String)}
     * @param alias    the alias of the secret-key or private-key entry
     * @param password supplies the key-store password (also used as the entry password) each time it is needed
     * @return the key reference
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code type} or {@code alias} is blank ({@code APPSVC0111})
     */
    public static KeyStoreKey of(Path path, String type, String alias, Supplier<char[]> password) {
        return new KeyStoreKey(path, type, alias, password);
    }

    /**
     * Returns the key-store file.
     *
     * @return the path, never null
     */
    public Path path() {
        return path;
    }

    /**
     * Returns the key-store type.
     *
     * @return the type, by default {@value #DEFAULT_TYPE}
     */
    public String type() {
        return type;
    }

    /**
     * Returns the alias of the secret-key or private-key entry.
     *
     * @return the alias, by default {@value #DEFAULT_ALIAS}
     */
    public String alias() {
        return alias;
    }

    /**
     * Calls the password supplier. The caller owns the returned array and should clear it (for example with
     * {@link java.util.Arrays#fill(char[], char)}) once the key store is open.
     *
     * @return the password as supplied
     * @throws NullPointerException if the supplier returns null ({@code APPSVC0109})
     */
    public char[] readPassword() {
        return ApiMessages.requireNonNull(password.get(), "metadata key-store password");
    }

    /**
     * Compares path, type and alias. The password is not compared: that would mean reading the secret.
     *
     * @param other the object to compare with
     * @return {@code true} if {@code other} names the same entry of the same key store
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof KeyStoreKey)) {
            return false;
        }
        KeyStoreKey that = (KeyStoreKey) other;
        return path.equals(that.path) && type.equals(that.type) && alias.equals(that.alias);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(path, type, alias);
    }

    /**
     * Describes the key reference without the password.
     *
     * @return path, type and alias
     */
    @Override
    public String toString() {
        return "KeyStoreKey[path=" + path + ", type=" + type + ", alias=" + alias + "]";
    }
}
