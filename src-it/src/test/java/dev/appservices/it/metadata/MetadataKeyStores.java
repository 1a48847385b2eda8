package dev.appservices.it.metadata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.crypto.KeyGenerator;

import dev.appservices.KeyStoreKey;

/**
 * Key stores for the encrypted metadata of the deployments, made with JCA in the test JVM; the deployment's
 * configuration names them by path and password. Only {@code @Deployment} methods use this class.
 */
final class MetadataKeyStores {

    private MetadataKeyStores() {
    }

    /** A PKCS12 key store holding a new AES-256 key under the alias the extension reads by default. */
    static Path newAesKeyStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setEntry(KeyStoreKey.DEFAULT_ALIAS, new KeyStore.SecretKeyEntry(generator.generateKey()),
                new KeyStore.PasswordProtection(password));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }
}
