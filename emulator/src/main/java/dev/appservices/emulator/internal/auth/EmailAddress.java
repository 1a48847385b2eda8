package dev.appservices.emulator.internal.auth;

import java.util.regex.Pattern;

/**
 * The syntax check of the email a user registers with: an address {@code local@domain} of at most 254 characters
 * with at most 64 before the {@code @} (RFC 5321's limits), a dot-atom local part (RFC 5322, non-ASCII letters
 * allowed as RFC 6531 does) and a domain of dot-separated labels of at most 63 letters, digits or hyphens.
 *
 * <p>Hand-written because none of the emulator's libraries checks addresses, and a full RFC 5322 parser (quoted
 * local parts, comments, address literals) would accept forms no mail provider hands out. Stateless.
 */
final class EmailAddress {

    static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_PART = 64;

    private static final Pattern LOCAL_PART =
            Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

    private EmailAddress() {}

    static boolean isValid(String email) {
        if (email.length() > MAX_LENGTH) {
            return false;
        }
        int at = email.lastIndexOf('@');
        if (at < 1
                || at > MAX_LOCAL_PART
                || !LOCAL_PART.matcher(email.substring(0, at)).matches()) {
            return false;
        }
        String domain = email.substring(at + 1);
        if (domain.isEmpty() || domain.endsWith(".")) {
            return false;
        }
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
