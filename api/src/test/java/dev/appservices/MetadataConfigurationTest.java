package dev.appservices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class MetadataConfigurationTest {

    private static final Path KEYS = Path.of("/etc/orders/keys.p12");

    @Test
    void defaultsToUnencryptedFileInUserHome() {
        MetadataConfiguration config = MetadataConfiguration.builder().build();
        assertEquals(MetadataMode.NO_ENCRYPTION, config.mode());
        assertEquals(Path.of(System.getProperty("user.home"), ".appservices"), config.directory());
        assertEquals(Optional.empty(), config.keyStore());
        assertEquals(Optional.empty(), config.encryptionKey());
        assertEquals(InvalidMetadataPolicy.FAIL, config.onInvalid());
        assertEquals(MetadataMode.IN_MEMORY, MetadataConfiguration.inMemory().mode());
    }

    @Test
    void encryptionNeedsExactlyOneKeySource() {
        MetadataConfiguration.Builder builder = MetadataConfiguration.builder().mode(MetadataMode.ENCRYPTION);
        assertTrue(assertThrows(IllegalArgumentException.class, builder::build)
                .getMessage()
                .startsWith("APPSVC0105: "));
        builder.keyStore(KeyStoreKey.of(KEYS, "pw"::toCharArray)).encryptionKey(EncryptionKey.of(new byte[64]));
        assertTrue(assertThrows(IllegalArgumentException.class, builder::build)
                .getMessage()
                .startsWith("APPSVC0110: "));
        assertEquals(
                MetadataMode.ENCRYPTION, builder.encryptionKey(null).build().mode());
    }

    @Test
    void copiesAndComparesByValue() {
        MetadataConfiguration config = MetadataConfiguration.builder()
                .mode(MetadataMode.ENCRYPTION)
                .directory(Path.of("/var/lib/orders"))
                .keyStore(KeyStoreKey.of(KEYS, "a"::toCharArray))
                .onInvalid(InvalidMetadataPolicy.RESET)
                .build();
        assertEquals(config, MetadataConfiguration.builder(config).build());
        assertEquals(
                config.hashCode(), MetadataConfiguration.builder(config).build().hashCode());
        assertNotEquals(
                config,
                MetadataConfiguration.builder(config)
                        .onInvalid(InvalidMetadataPolicy.FAIL)
                        .build());
        // The password is not part of equality: comparing it would mean reading the secret.
        assertEquals(
                config,
                MetadataConfiguration.builder(config)
                        .keyStore(KeyStoreKey.of(KEYS, "b"::toCharArray))
                        .build());
    }

    @Test
    void keepsAtMostOnePreviousKeySourceForRotation() {
        EncryptionKey oldKey = EncryptionKey.of(new byte[64]);
        MetadataConfiguration.Builder builder = MetadataConfiguration.builder()
                .mode(MetadataMode.ENCRYPTION)
                .keyStore(KeyStoreKey.of(KEYS, "pw"::toCharArray))
                .previousEncryptionKey(oldKey);
        MetadataConfiguration config = builder.build();
        assertEquals(Optional.of(oldKey), config.previousEncryptionKey());
        assertEquals(Optional.empty(), config.previousKeyStore());
        assertEquals(config, MetadataConfiguration.builder(config).build());
        assertEquals(
                config.hashCode(), MetadataConfiguration.builder(config).build().hashCode());
        assertNotEquals(
                config,
                MetadataConfiguration.builder(config)
                        .previousEncryptionKey(null)
                        .build());
        assertTrue(config.toString().contains("previousKey=EncryptionKey[***]"), config.toString());

        KeyStoreKey oldStore = KeyStoreKey.of(Path.of("/etc/orders/old.p12"), "old-secret"::toCharArray);
        builder.previousKeyStore(oldStore);
        assertTrue(assertThrows(IllegalArgumentException.class, builder::build)
                .getMessage()
                .startsWith("APPSVC0113: "));
        MetadataConfiguration fromStore = builder.previousEncryptionKey(null).build();
        assertEquals(Optional.of(oldStore), fromStore.previousKeyStore());
        assertFalse(fromStore.toString().contains("old-secret"), fromStore.toString());
        // Previous key sources are only checked where they are used, like the current ones.
        assertEquals(
                MetadataMode.NO_ENCRYPTION,
                MetadataConfiguration.builder()
                        .previousKeyStore(oldStore)
                        .previousEncryptionKey(oldKey)
                        .build()
                        .mode());
    }

    @Test
    void keyStoreKeyReadsPasswordOnDemandAndNeverShowsIt() {
        AtomicInteger reads = new AtomicInteger();
        KeyStoreKey key = KeyStoreKey.of(KEYS, () -> {
            reads.incrementAndGet();
            return "top-secret".toCharArray();
        });
        assertEquals(0, reads.get());
        assertEquals("PKCS12", key.type());
        assertEquals("appservices-metadata", key.alias());
        assertArrayEquals("top-secret".toCharArray(), key.readPassword());
        assertEquals(1, reads.get());
        assertFalse(key.toString().contains("top-secret"), key.toString());
        String config = MetadataConfiguration.builder()
                .mode(MetadataMode.ENCRYPTION)
                .keyStore(key)
                .build()
                .toString();
        assertFalse(config.contains("top-secret"), config);
        assertEquals(1, reads.get());
    }

    @Test
    void keyStoreKeyRejectsBlankTypeAndAlias() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyStoreKey.of(KEYS, " ", "a", () -> null))
                .getMessage()
                .startsWith("APPSVC0111: 'type'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyStoreKey.of(KEYS, "JKS", "", () -> null))
                .getMessage()
                .startsWith("APPSVC0111: 'alias'"));
        assertEquals(
                "APPSVC0109: 'metadata key-store password' must not be null",
                assertThrows(
                                NullPointerException.class,
                                () -> KeyStoreKey.of(KEYS, () -> null).readPassword())
                        .getMessage());
    }

    @Test
    void encryptionKeyNeedsSixtyFourBytes() {
        assertEquals(
                "APPSVC0106: metadata encryption key has 32 bytes; it must have exactly 64 bytes",
                assertThrows(IllegalArgumentException.class, () -> EncryptionKey.of(new byte[32]))
                        .getMessage());
        String shortKey = Base64.getEncoder().encodeToString(new byte[65]);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EncryptionKey.fromBase64(shortKey));
        assertTrue(e.getMessage().startsWith("APPSVC0106: metadata encryption key has 65 bytes"), e.getMessage());
        IllegalArgumentException notBase64 =
                assertThrows(IllegalArgumentException.class, () -> EncryptionKey.fromBase64("s3cret!key"));
        assertEquals("APPSVC0107: metadata encryption key is not valid base64", notBase64.getMessage());
    }

    @Test
    void encryptionKeyCopiesBytesAndIsRedacted() {
        byte[] bytes = new byte[64];
        bytes[0] = 42;
        EncryptionKey key = EncryptionKey.fromBase64(" " + Base64.getEncoder().encodeToString(bytes) + "\n");
        assertArrayEquals(bytes, key.bytes());
        key.bytes()[0] = 7;
        assertEquals(42, key.bytes()[0]);
        assertEquals(key, EncryptionKey.of(bytes));
        assertEquals(key.hashCode(), EncryptionKey.of(bytes).hashCode());
        assertNotEquals(key, EncryptionKey.of(new byte[64]));
        assertEquals("EncryptionKey[***]", key.toString());
        String config = MetadataConfiguration.builder()
                .mode(MetadataMode.ENCRYPTION)
                .encryptionKey(key)
                .build()
                .toString();
        assertTrue(config.contains("key=EncryptionKey[***]"), config);
    }

    @Test
    void aJdbcStoreTakesADataSourceByJndiNameOrInCode() {
        MetadataConfiguration defaults = MetadataConfiguration.builder().build();
        assertEquals(MetadataStoreKind.FILE, defaults.store());
        assertEquals("java:comp/DefaultDataSource", defaults.dataSourceName());
        assertEquals(Optional.empty(), defaults.dataSource());

        MetadataConfiguration named = MetadataConfiguration.builder()
                .store(MetadataStoreKind.JDBC)
                .dataSourceName("java:comp/env/jdbc/orders")
                .build();
        assertEquals(MetadataStoreKind.JDBC, named.store());
        assertTrue(named.toString().contains("store=JDBC, dataSource=java:comp/env/jdbc/orders"), named.toString());
        assertEquals(named, MetadataConfiguration.builder(named).build());
        assertNotEquals(
                named,
                MetadataConfiguration.builder(named)
                        .dataSourceName("java:app/other")
                        .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> MetadataConfiguration.builder().dataSourceName(" "));

        // a data source given in code makes the store a JDBC one; data sources compare by identity
        DataSource dataSource = (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        MetadataConfiguration given =
                MetadataConfiguration.builder().dataSource(dataSource).build();
        assertEquals(MetadataStoreKind.JDBC, given.store());
        assertEquals(Optional.of(dataSource), given.dataSource());
        assertEquals(given, MetadataConfiguration.builder(given).build());
        assertEquals(
                given.hashCode(), MetadataConfiguration.builder(given).build().hashCode());
        assertTrue(given.toString().contains("dataSource=(given)"), given.toString());
    }
}
