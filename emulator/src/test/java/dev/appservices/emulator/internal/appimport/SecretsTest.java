package dev.appservices.emulator.internal.appimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.emulator.EmulatorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets come from files, code and environment variables, in that order of precedence, and never show. */
class SecretsTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "APPSERVICES_SECRET_fromEnv", "exact",
            "APPSERVICES_SECRET_MY_API_KEY", "normalised",
            "APPSERVICES_SECRET_inFile", "loses to the file");

    @TempDir
    Path temp;

    @Test
    void filesAndCodeWinOverTheEnvironmentWhichIsReadAsWrittenOrNormalised() throws IOException {
        Path file = Files.writeString(
                temp.resolve("secrets.json"),
                "{\"inFile\": \"from the file\"," + " \"inCode\": \"from the file too\"}");
        Secrets secrets = Secrets.load(List.of(file), Map.of("inCode", "from code"), ENVIRONMENT::get);
        assertEquals(Optional.of("from the file"), secrets.find("inFile"));
        assertEquals(Optional.of("from code"), secrets.find("inCode"));
        assertEquals(Optional.of("exact"), secrets.find("fromEnv"));
        assertEquals(Optional.of("normalised"), secrets.find("my-api.key"));
        assertEquals(Optional.empty(), secrets.find("nowhere"));
        assertFalse(secrets.toString().contains("from the file"), secrets.toString());
    }

    @Test
    void aBrokenFileIsRefusedWithoutQuotingIt() throws IOException {
        Path file = Files.writeString(temp.resolve("broken.json"), "{\"key\": \"s3cr3t\",,}");
        String message = assertThrows(
                        EmulatorException.class, () -> Secrets.load(List.of(file), Map.of(), name -> null))
                .getMessage();
        assertTrue(message.startsWith("APPSVC0570: cannot read the secrets file " + file), message);
        assertFalse(message.contains("s3cr3t"), message);
    }
}
