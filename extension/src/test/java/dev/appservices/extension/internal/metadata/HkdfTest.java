package dev.appservices.extension.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The test vectors of RFC 5869, appendix A (SHA-256 cases). */
class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void basicCase() throws Exception {
        byte[] okm = Hkdf.sha256(
                HEX.parseHex("0b".repeat(22)),
                HEX.parseHex("000102030405060708090a0b0c"),
                HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"),
                42);
        assertEquals(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(okm));
    }

    @Test
    void longerInputsAndOutput() throws Exception {
        byte[] ikm = HEX.parseHex(range(0x00, 80));
        byte[] salt = HEX.parseHex(range(0x60, 80));
        byte[] info = HEX.parseHex(range(0xb0, 80));
        assertEquals(
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09"
                        + "da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
                HEX.formatHex(Hkdf.sha256(ikm, salt, info, 82)));
    }

    @Test
    void emptySaltAndInfo() throws Exception {
        byte[] okm = Hkdf.sha256(HEX.parseHex("0b".repeat(22)), new byte[0], new byte[0], 42);
        assertEquals(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HEX.formatHex(okm));
    }

    private static String range(int first, int count) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < count; i++) {
            hex.append(String.format("%02x", first + i));
        }
        return hex.toString();
    }
}
