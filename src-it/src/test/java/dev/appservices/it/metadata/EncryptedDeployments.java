package dev.appservices.it.metadata;

import dev.appservices.KeyStoreKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.UUID;
import javax.crypto.KeyGenerator;

/**
 * What the deployments with encrypted metadata share: a directory of their own under {@code target/it-work}, and
 * a key store in it that the configuration names by path and password. The key store is a PKCS12 file with an AES-256
 * key under the alias the extension reads by default, made with JCA in the test JVM. Only {@code @Deployment} methods
 * use this class.
 */
final class EncryptedDeployments {

    private EncryptedDeployments() {}

    /**
     * Creates a new directory under the work directory of the integration tests.
     *
     * @param prefix the start of its name
     * @return the directory
     */
    static Path newWorkDirectory(String prefix) throws IOException {
        Path work = Files.createDirectories(Path.of(System.getProperty("it.work.dir")));
        return Files.createTempDirectory(work, prefix);
    }

    /**
     * Creates a key store with a new key in {@code directory} and returns the settings of App {@code appId} that
     * select mode {@code encryption} with it.
     *
     * @param appId     the App whose settings these are
     * @param directory where the key store is written
     * @return {@code metadata.mode}, {@code metadata.key-store.path} and {@code metadata.key-store.password}
     */
    static Map<String, String> encryptionSettings(String appId, Path directory)
            throws IOException, GeneralSecurityException {
        String password = UUID.randomUUID().toString();
        Path keyStore = newAesKeyStore(directory.resolve("metadata-key.p12"), password.toCharArray());
        String prefix = "appservices." + appId + ".metadata.";
        return Map.of(
                prefix + "mode",
                "encryption",
                prefix + "key-store.path",
                keyStore.toString(),
                prefix + "key-store.password",
                password);
    }

    private static Path newAesKeyStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setEntry(
                KeyStoreKey.DEFAULT_ALIAS,
                new KeyStore.SecretKeyEntry(generator.generateKey()),
                new KeyStore.PasswordProtection(password));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }
}
