package dev.appservices.extension.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key stores for the tests: secret-key entries written with JCA, and RSA entries with a self-signed certificate
 * made by the JDK's keytool (the JDK has no public API to make a certificate), as Open Liberty makes its
 * {@code key.p12}.
 */
final class TestKeyStores {

    private TestKeyStores() {}

    static byte[] aesKeyBytes(int seed) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 17 + i * 3 + 1);
        }
        return bytes;
    }

    static SecretKey aesKey(int seed) {
        return new SecretKeySpec(aesKeyBytes(seed), "AES");
    }

    static Path secretKeyStore(Path file, String alias, String password, SecretKey key) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setEntry(
                alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password.toCharArray()));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    /** Makes one key store per file, each with its own RSA key pair under {@code alias}, keytool runs in parallel. */
    static void rsaKeyStores(String alias, String password, Path... files) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<Process> processes = new ArrayList<>();
        for (Path file : files) {
            processes.add(new ProcessBuilder(
                            keytool.toString(),
                            "-genkeypair",
                            "-noprompt",
                            "-alias",
                            alias,
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-sigalg",
                            "SHA256withRSA",
                            "-dname",
                            "CN=localhost",
                            "-validity",
                            "365",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            file.toString(),
                            "-storepass",
                            password,
                            "-keypass",
                            password)
                    .redirectErrorStream(true)
                    .start());
        }
        for (Process process : processes) {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
        }
    }
}
